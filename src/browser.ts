/**
 * The library for browsers (the package's `browser` condition): the main entry, with zod imported
 * up front, since a browser cannot load it synchronously on first use as Node does (src/zod.ts).
 */
import { z } from 'zod';
import { provideZod } from './zod.js';

provideZod(z);

export * from './index.js';
