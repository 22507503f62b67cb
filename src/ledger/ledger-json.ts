/**
 * The ledger as JSON (docs/claim.md, "The ledger"): amounts as contract strings, counters with
 * sorted names, so that the same state always prints the same bytes. A year ledger
 * (`{ personId, year, claimIds, counters }`) is what a caller keeps and passes back; a ledger file
 * (`--ledger`, `--ledger-out`) is `{"version": 2, "entries": [...]}` (version 1 files, written
 * before the counters were generic, are read too); a settlement carries only a summary (the
 * counters and how many claims the year holds), so that output grows with the claims, not with
 * their square. Everything read goes through one check (read-ledger.ts).
 */
import { lazily, zod } from '../zod.js';
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, formatPath, ok } from '../errors/issue.js';
import { type Fen, formatFen, parseAmount } from '../money/fen.js';
import { type Ledger, type YearLedger, ledgerKey } from './year-ledger.js';
import { keyShape } from './key-shape.js';
import { type LedgerProblem, type LedgerReadOptions, checkYearLedger, isLedgerProblem } from './read-ledger.js';
import { defaultRules } from '../scheme/embedded.js';
import type { RuleBook } from '../scheme/book.js';
import { type Words, say } from '../i18n/say.js';

/** A year ledger as JSON: every counter as a contract string. */
export interface YearLedgerJson {
  readonly personId: string;
  readonly year: number;
  readonly claimIds: readonly string[];
  readonly counters: Readonly<Record<string, string>>;
}

/** The `--ledger` file format. */
export interface LedgerFileJson {
  readonly version: 2;
  readonly entries: readonly YearLedgerJson[];
}

/**
 * The ledger in a settlement: the person-year after the claim, its counters and how many claims
 * it holds, without their ids (the year ledger, `r.ledger` of `settle()` or `--ledger-out`, has them).
 */
export interface SettlementLedgerJson {
  readonly personId: string;
  readonly year: number;
  /** How many claims the person-year holds, this one included. */
  readonly claims: number;
  readonly counters: Readonly<Record<string, string>>;
}

/**
 * Writes a year ledger as JSON.
 *
 * @example
 * yearLedgerToJson(emptyYearLedger('P1', 2017)).counters // {}
 */
export function yearLedgerToJson(l: YearLedger): YearLedgerJson {
  return { personId: l.personId, year: l.year, claimIds: l.claimIds, counters: countersToJson(l.counters) };
}

/**
 * Writes the summary of a year ledger that a settlement carries: its counters and its number of claims.
 *
 * @example
 * settlementLedgerToJson(record.ledger) // { personId: 'P1', year: 2017, claims: 3, counters: { … } }
 */
export function settlementLedgerToJson(l: YearLedger): SettlementLedgerJson {
  return { personId: l.personId, year: l.year, claims: l.claimIds.length, counters: countersToJson(l.counters) };
}

function countersToJson(counters: Readonly<Record<string, Fen>>): Record<string, string> {
  const keys = sortedKeys(counters);
  const out = { ...keyShape(keys) } as unknown as Record<string, string>;
  for (const k of keys) out[k] = formatFen(counters[k]!);
  return out;
}

/** The keys of a counters object, sorted. The last keys and their order are remembered, compared
 * key by key (every claim of a rule set has the same keys, and this runs for every settlement). */
let lastKeys: readonly string[] = [];
let lastSorted: readonly string[] = [];
function sortedKeys(o: Readonly<Record<string, unknown>>): readonly string[] {
  const keys = Object.keys(o);
  if (!sameKeys(keys, lastKeys)) {
    lastKeys = keys;
    lastSorted = [...keys].sort();
  }
  return lastSorted;
}
// Stryker disable next-line BlockStatement: an empty body answers undefined, "not the same keys", and the keys are sorted afresh: the same counters, only slower
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  // Stryker disable next-line BooleanLiteral: false here only sorts the same keys afresh every time (a cache miss): the same counters
  return true;
}

/*
 * The entries of a version 1 file, built on first use (zod is loaded then: src/zod.ts): the
 * format of the first releases, with the 2017 counters as fields. They are read into the counters
 * the 2017 rule set's tiers keep, then checked as any year ledger.
 */
const version1Entries = lazily(() => {
  const z = zod();
  // The words of every problem are version1Words' (below), by field, in both languages.
  const money = z.string().refine((s) => parseAmount(s) !== undefined);
  const head = {
    personId: z.string().min(1),
    year: z.number().int().min(1900).max(9999),
    claimIds: z.array(z.string().min(1)),
  };
  const v1 = z.strictObject({
    ...head,
    basicInsurancePaid: z.record(z.string(), money),
    basicDeductibleUsed: z.record(z.string(), money),
    seriousIllnessBurden: money,
    seriousIllnessPaid: money,
    supplementaryPaid: money,
    assistancePaid: money,
  });
  return z.array(v1).transform((entries) => entries.map(fromVersion1));
});

function fromVersion1(e: {
  personId: string;
  year: number;
  claimIds: string[];
  basicInsurancePaid: Record<string, string>;
  basicDeductibleUsed: Record<string, string>;
  seriousIllnessBurden: string;
  seriousIllnessPaid: string;
  supplementaryPaid: string;
  assistancePaid: string;
}): YearLedgerJson {
  const counters: Record<string, string> = {};
  for (const [pool, v] of Object.entries(e.basicInsurancePaid)) counters[`basic-insurance.paid.${pool}`] = v;
  for (const [row, v] of Object.entries(e.basicDeductibleUsed)) counters[`basic-insurance.deductible.${row}`] = v;
  counters['serious-illness-insurance.burden'] = e.seriousIllnessBurden;
  counters['serious-illness-insurance.paid'] = e.seriousIllnessPaid;
  counters['supplementary-insurance.paid'] = e.supplementaryPaid;
  counters['medical-assistance.paid'] = e.assistancePaid;
  return { personId: e.personId, year: e.year, claimIds: e.claimIds, counters };
}

/**
 * Writes a whole ledger as the `--ledger` file format, entries sorted by person and year.
 *
 * @example
 * JSON.stringify(ledgerToJson(new Map())) // '{"version":2,"entries":[]}'
 */
export function ledgerToJson(ledger: Ledger): LedgerFileJson {
  const entries = [...ledger.values()]
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.year - b.year))
    .map(yearLedgerToJson);
  return { version: 2, entries };
}

/**
 * Reads a `--ledger` file's JSON (or a ledger file handed to `createBatch`): each entry checked as
 * docs/claim.md, "The ledger", says (yuan strings, the counters of `rules`, ids), two entries for
 * one person-year refused; every problem comes back with its path. The second argument may be the
 * file's name alone.
 *
 * @example
 * parseLedgerJson({ version: 2, entries: [] }) // { ok: true, value: Map(0) }
 * parseLedgerJson(JSON.parse(text), { file: 'ledger.json', rules: book })
 */
export function parseLedgerJson(
  json: unknown,
  options: string | LedgerReadOptions = {},
): Result<Map<string, YearLedger>, RuleIssue> {
  const o = typeof options === 'string' ? { file: options } : options;
  const r = readLedgerFile(json, o.rules ?? defaultRules());
  return r instanceof Map ? ok(r) : fail(r.map(ledgerIssue(o)));
}

/** Most problems a ledger from outside reports, a ledger file or a batch's starting ledger (the first ones, in order). */
export const MAX_LEDGER_PROBLEMS = 100;

/**
 * The ledger a ledger file's JSON holds, or its first problems (at most 100), each at its path
 * in the file: what {@link parseLedgerJson} and `createBatch` read.
 *
 * @example
 * readLedgerFile({ version: 2, entries: [] }, defaultRules()) // Map(0)
 */
export function readLedgerFile(json: unknown, book: RuleBook): Map<string, YearLedger> | LedgerProblem[] {
  const file = ledgerEntries(json);
  if ('problems' in file) return file.problems;
  const out = new Map<string, YearLedger>();
  const problems: LedgerProblem[] = [];
  for (let i = 0; i < file.entries.length && problems.length < MAX_LEDGER_PROBLEMS; i++) {
    const at = `entries[${i}]`;
    const l = checkYearLedger(file.entries[i], book, 'yuan');
    if (isLedgerProblem(l)) {
      for (const p of l) problems.push({ path: p.path ? `${at}.${p.path}` : at, words: p.words });
      continue;
    }
    const key = ledgerKey(l.personId, l.year);
    if (out.has(key))
      problems.push({
        path: 'entries',
        words: {
          zh: `患者 ${l.personId} ${l.year} 年有两个条目（一个患者一年一个条目）`,
          en: `two entries for person ${l.personId} in ${l.year}`,
        },
      });
    out.set(key, l);
  }
  // An entry may add several problems at once: the file's list stops at the limit all the same.
  return problems.length > 0 ? problems.slice(0, MAX_LEDGER_PROBLEMS) : out;
}

/**
 * Reads one year ledger's JSON (as {@link yearLedgerToJson} writes it, an entry of a ledger
 * file, or the `ledger` settle() hands back beside its settlement), checked as
 * {@link parseLedgerJson} checks an entry; every problem comes back with its path.
 *
 * @example
 * parseYearLedgerJson(yearLedgerToJson(emptyYearLedger('P1', 2017))) // { ok: true, value: { personId: 'P1', … } }
 */
export function parseYearLedgerJson(
  json: unknown,
  options: string | LedgerReadOptions = {},
): Result<YearLedger, RuleIssue> {
  const o = typeof options === 'string' ? { file: options } : options;
  const l = checkYearLedger(json, o.rules ?? defaultRules(), 'yuan');
  return isLedgerProblem(l) ? fail(l.map(ledgerIssue(o))) : ok(l);
}

/** A problem of a ledger file as a rule issue: its file, its path, a sentence in the reader's language (English by default). */
const ledgerIssue =
  (o: LedgerReadOptions) =>
  (p: LedgerProblem): RuleIssue => ({
    code: RuleErrorCode.LEDGER_INVALID,
    file: o.file ?? 'ledger',
    path: p.path,
    message: say(o.lang ?? 'en', p.words),
  });

/** The entries of a ledger file (version 1 entries converted), or what is wrong with its envelope. */
function ledgerEntries(
  json: unknown,
): { readonly entries: readonly unknown[] } | { readonly problems: LedgerProblem[] } {
  const problem = (path: string, zh: string, en: string) => ({ problems: [{ path, words: { zh, en } }] });
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return problem(
      '',
      '应为对象 {"version": 2, "entries": [...]}',
      'must be an object {"version": 2, "entries": [...]}',
    );
  const f = json as Record<string, unknown>;
  const extra = Object.keys(f).find((k) => k !== 'version' && k !== 'entries');
  if (extra !== undefined)
    return problem(
      extra,
      '不是台账文件的字段（version、entries）',
      'is not a field of a ledger file (version, entries)',
    );
  if (f.version !== 1 && f.version !== 2)
    return problem('version', '应为 2（或早期版本的 1）', 'must be 2 (or 1, of the first releases)');
  if (!Array.isArray(f.entries)) return problem('entries', '应为年度台账的数组', 'must be an array of year ledgers');
  if (f.version === 2) return { entries: f.entries };
  const r = version1Entries().safeParse(f.entries);
  if (r.success) return { entries: r.data };
  return {
    problems: r.error.issues.map((i) => ({
      path: formatPath(['entries', ...i.path]),
      words: version1Words(i.path, 'keys' in i ? (i.keys as string[]) : undefined),
    })),
  };
}

/** What a field of a version 1 entry must be, in both languages (the amounts: yuan strings). */
const VERSION_1_FIELDS: Readonly<Record<string, Words>> = {
  personId: { zh: '应为非空文本（患者编号）', en: 'must be a non-empty text (the person id)' },
  year: { zh: '应为 1900 到 9999 之间的整数', en: 'must be a whole number from 1900 to 9999' },
  claimIds: { zh: '应为结算单编号（非空文本）的数组', en: 'must be an array of claim ids (non-empty texts)' },
  basicInsurancePaid: { zh: '应为对象 {待遇: 金额字符串}', en: 'must be an object {benefit: amount string}' },
  basicDeductibleUsed: { zh: '应为对象 {待遇: 金额字符串}', en: 'must be an object {benefit: amount string}' },
};
const AMOUNT_WORDS: Words = { zh: '应为金额字符串，如 "12.50"', en: 'must be an amount string like "12.50"' };

/**
 * The words of a problem of a version 1 entry at `path` (below `entries`): by the field it
 * concerns, as the rest of the file's problems are worded, rather than zod's English.
 */
function version1Words(path: readonly PropertyKey[], unknownKeys: readonly string[] | undefined): Words {
  if (unknownKeys)
    return {
      zh: `${unknownKeys.join('、')} 不是第 1 版台账条目的字段`,
      en: `${unknownKeys.join(', ')} ${unknownKeys.length > 1 ? 'are not fields' : 'is not a field'} of a version 1 ledger entry`,
    };
  const field = path[1];
  if (field === undefined) return { zh: '应为第 1 版的年度台账对象', en: 'must be a year ledger object of version 1' };
  // An amount of a map (basicInsurancePaid.basic) or a field that is one amount.
  if (path.length > 2 && field !== 'claimIds') return AMOUNT_WORDS;
  return VERSION_1_FIELDS[String(field)] ?? AMOUNT_WORDS;
}

/**
 * Reads one year ledger written by {@link yearLedgerToJson}, trusted (the library's own store).
 * Anything from outside goes through {@link parseYearLedgerJson}, which checks it.
 *
 * @example
 * yearLedgerFromJson(yearLedgerToJson(l)) // equal to l
 */
export function yearLedgerFromJson(e: YearLedgerJson): YearLedger {
  const counters: Record<string, Fen> = {};
  for (const [k, v] of Object.entries(e.counters)) {
    const f = parseAmount(v);
    if (f === undefined) throw new RangeError(`counter ${k} is not an amount: ${v}`);
    counters[k] = f;
  }
  return { personId: e.personId, year: e.year, claimIds: e.claimIds, counters };
}
