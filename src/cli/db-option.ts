/**
 * The store the `--db` option names, for `serve` and `keys create`: the option, else
 * `DATABASE_URL`, else `bashunwei.sqlite` in the working directory.
 */
import { DEFAULT_SQLITE_FILE } from '../service/store/open-store.js';
import { UsageError } from './args.js';

/**
 * The store named by `--db` (or the environment).
 *
 * @example
 * dbOption(undefined, {})                               // "bashunwei.sqlite"
 * dbOption(undefined, { DATABASE_URL: 'postgres://h/d' }) // "postgres://h/d"
 */
export function dbOption(
  flag: string | true | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (flag === true || flag === '') throw new UsageError('--db needs a file or a postgres:// URL');
  return flag ?? (env.DATABASE_URL || DEFAULT_SQLITE_FILE);
}
