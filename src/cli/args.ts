/**
 * A small, strict argument parser for the `bashunwei` command: known flags only, each flag's
 * value checked, anything else a usage error (exit 2).
 */
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../i18n/lang.js';

/** Parsed arguments: positional words and flag values. */
export interface Args {
  readonly positional: readonly string[];
  readonly flags: Readonly<Record<string, string | true>>;
}

/** A usage error: the message to print before exiting with code 2. */
export class UsageError extends Error {}

/**
 * Parses `argv` against the flags a command accepts (`true` = takes a value).
 *
 * @example
 * parseArgs(['a.json', '--format', 'text'], { format: true }) // { positional: ['a.json'], flags: { format: 'text' } }
 */
export function parseArgs(argv: readonly string[], known: Readonly<Record<string, boolean>>): Args {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (!(name in known)) throw new UsageError(`unknown option ${a}`);
    if (name in flags) throw new UsageError(`option --${name} given twice`);
    if (known[name]) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--')))
        throw new UsageError(`option --${name} needs a value`);
      flags[name] = v;
    } else {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      flags[name] = true;
    }
  }
  return { positional, flags };
}

/**
 * The language of `--lang`, checked (default zh-CN).
 *
 * @example
 * langOf('en') // "en"
 */
export function langOf(flag: string | true | undefined): Lang {
  if (flag === undefined) return DEFAULT_LANG;
  if (typeof flag === 'string' && isLang(flag)) return flag;
  throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
}
