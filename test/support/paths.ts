/** Where the tests find the project and their own data, wherever a test file sits under test/. */
import { join, resolve } from 'node:path';

/** The project's root folder. */
export const ROOT = resolve(__dirname, '..', '..');
/** The test folder (fixtures/, golden/, corpus/). */
export const TEST = join(ROOT, 'test');
