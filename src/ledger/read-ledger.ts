/**
 * Checking a year ledger that comes from outside, as a claim is checked (docs/claim.md, "The
 * ledger"): the one check behind `parseLedgerJson`, `parseYearLedgerJson`, `settle()`'s and
 * `createBatch()`'s `ledger` option, `settleClaim`, `reverseClaim` and the command's `--ledger`.
 *
 * A ledger is `{ personId, year, claimIds, counters }`. Its ids are ids as a claim's are; its
 * counters are named by the tiers of the book's rule sets in force that year (a misspelt name, or
 * one of another scheme, would be kept and read by no tier: the claim would settle as if nothing
 * had been paid); its amounts are never guessed at. In JSON (files, requests, `settle()`) an
 * amount is yuan written as a string with at most two decimals, as the settlement writes it: a
 * number is refused, since `149500` could be fen or yuan. In the library's own objects (a
 * `YearLedger`, a `Ledger` map) amounts are fen, whole and non-negative.
 */
import { MAX_ID } from '../claim/schema.js';
import { idProblem } from '../claim/id-text.js';
import { claimIssue } from '../claim/parse.js';
import { ClaimErrorCode } from '../errors/codes.js';
import type { ClaimIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import { type Words, say } from '../i18n/say.js';
import { type Fen, parseAmount } from '../money/fen.js';
import type { RuleBook } from '../scheme/book.js';
import type { YearLedger } from './year-ledger.js';

/** How a ledger writes its amounts: yuan strings (JSON) or fen (the library's `YearLedger` objects). */
export type LedgerAmounts = 'yuan' | 'fen';

/** One problem of a ledger: where in it (`counters.basic-insurance.paid.basic`, `""` for the whole), and what. */
export interface LedgerProblem {
  readonly path: string;
  readonly words: Words;
}

/** The options of the ledger readers. */
export interface LedgerReadOptions {
  /** The rule book whose counters a ledger may name (default: the embedded rules). */
  readonly rules?: RuleBook;
  /** The file named in the problems (default `"ledger"`). */
  readonly file?: string;
  /** The language of the messages (default English, as every message about a file). */
  readonly lang?: Lang;
}

const FIELDS = new Set(['personId', 'year', 'claimIds', 'counters']);
/** Most problems one ledger reports (a list of 50,000 claim ids could have as many). */
const MAX_PROBLEMS = 20;

/**
 * The year ledger `value` describes, or its problems.
 *
 * @example
 * checkYearLedger({ personId: 'P1', year: 2017, claimIds: [], counters: { 'basic-insurance.paid.basik': '1.00' } }, book, 'yuan')
 * // [{ path: 'counters.basic-insurance.paid.basik', words: { en: 'not a counter of ziyang-2017 …', … } }]
 */
export function checkYearLedger(
  value: unknown,
  book: RuleBook,
  amounts: LedgerAmounts,
): YearLedger | readonly LedgerProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [
      {
        path: '',
        words: {
          zh: '应为对象 {personId, year, claimIds, counters}',
          en: 'must be an object { personId, year, claimIds, counters }',
        },
      },
    ];
  const o = value as Record<string, unknown>;
  const problems: LedgerProblem[] = [];
  const problem = (path: string, words: Words): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, words });
  };
  const summary = o.claimIds === undefined && 'claims' in o;
  const unknown = Object.keys(o).filter((k) => !FIELDS.has(k) && !(summary && k === 'claims'));
  if (unknown.length > 0) problem('', unknownFields(unknown));
  if (summary) problem('claimIds', SUMMARY);
  else if (!Array.isArray(o.claimIds))
    problem('claimIds', missingOr(o.claimIds, { zh: '应为编号的数组', en: 'must be an array of ids' }));
  else {
    const seen = new Set<string>();
    o.claimIds.forEach((id, i) => {
      const bad = idWords(id);
      if (bad) problem(`claimIds[${i}]`, bad);
      else if (seen.has(id as string)) problem(`claimIds[${i}]`, { zh: `${id} 列了两次`, en: `${id} listed twice` });
      else seen.add(id as string);
    });
  }
  const personBad = idWords(o.personId);
  if (personBad) problem('personId', personBad);
  const year = o.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 9999;
  if (!yearOk)
    problem(
      'year',
      missingOr(year, { zh: '应为 1900 至 9999 之间的整数年份', en: 'must be a whole year from 1900 to 9999' }),
    );

  const counters: Record<string, Fen> = {};
  const c = o.counters;
  if (typeof c !== 'object' || c === null || Array.isArray(c))
    problem(
      'counters',
      missingOr(c, { zh: '应为 {计数器名: 金额} 对象', en: 'must be an object { counter name: amount }' }),
    );
  else {
    const names = yearOk ? countersOfYear(book, year) : undefined;
    for (const [name, v] of Object.entries(c)) {
      const path = `counters.${name}`;
      const f = amounts === 'yuan' ? yuanAmount(v) : fenAmount(v);
      if (typeof f !== 'number') problem(path, f);
      if (names && !names.has(name)) problem(path, notACounter(book, year as number));
      else if (typeof f === 'number') counters[name] = f;
    }
  }
  if (problems.length > 0) return problems;
  return { personId: o.personId as string, year: year as number, claimIds: o.claimIds as string[], counters };
}

/**
 * True when {@link checkYearLedger} found problems (its answer is the list, not a ledger).
 *
 * @example
 * const l = checkYearLedger(json, book, 'yuan');
 * if (isLedgerProblem(l)) return fail(l.map(toIssue));
 */
export function isLedgerProblem(x: YearLedger | readonly LedgerProblem[]): x is readonly LedgerProblem[] {
  return Array.isArray(x);
}

/**
 * A ledger's problems as the refusal of the claim it was passed in with: `ledger_invalid` at the
 * path under `at` (the option's name), the problem in the message's language.
 *
 * @example
 * ledgerInvalid(problems, 'en') // [{ code: 'ledger_invalid', path: 'ledger.counters.basic-insurance.paid.basik', … }]
 */
export function ledgerInvalid(problems: readonly LedgerProblem[], lang?: Lang, at = 'ledger'): ClaimIssue[] {
  return problems.map((p) =>
    claimIssue(ClaimErrorCode.LEDGER_INVALID, p.path ? `${at}.${p.path}` : at, { detail: say(lang, p.words) }, lang),
  );
}

const unknownFields = (keys: readonly string[]): Words => ({
  zh: `有台账没有的字段：${keys.join('、')}（台账只有 personId、year、claimIds、counters）`,
  en: `fields a ledger does not have: ${keys.join(', ')} (a ledger has personId, year, claimIds, counters)`,
});
const SUMMARY: Words = {
  zh: '缺失：这是结算结果中的台账摘要（只有笔数 claims，没有编号），无法拒绝重复结算；请传入 settle() 与结算结果一同返回的年度台账（r.ledger）、--ledger-out 文件中的条目，或 parseYearLedgerJson 读取的台账',
  en: "missing: this is a settlement's ledger summary (a count of claims, not their ids), which cannot refuse a claim settled twice; pass the year ledger settle() hands back beside the settlement (r.ledger), an entry of a --ledger-out file, or one read with parseYearLedgerJson",
};

/** "Missing" when absent, else what it must be. */
const missingOr = (v: unknown, must: Words): Words =>
  v === undefined ? { zh: `缺失，${must.zh}`, en: `missing: it ${must.en}` } : must;

/** Why `v` is not an id (as a claim's ids are checked), or undefined. */
function idWords(v: unknown): Words | undefined {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_ID)
    return { zh: `应为 1 至 ${MAX_ID} 个字符的编号`, en: `must be an id of 1 to ${MAX_ID} characters` };
  if (idProblem(v))
    return { zh: '编号含有控制字符或不成对的代理项', en: 'an id with a control character or a lone surrogate' };
  return undefined;
}

/** A JSON amount: yuan as a string, never a number. */
function yuanAmount(v: unknown): Fen | Words {
  if (typeof v === 'number')
    return {
      zh: `收到数字 ${v}：金额应写成以元为单位的字符串，如 "1495.00"（数字无法区分元与分）`,
      en: `the number ${v}: write the amount in yuan as a string, like "1495.00" (a number could be fen or yuan)`,
    };
  const f = typeof v === 'string' ? parseAmount(v) : undefined;
  return (
    f ?? {
      zh: '应为以元为单位、最多两位小数的金额字符串，如 "1495.00"',
      en: 'must be an amount in yuan with at most two decimals, like "1495.00"',
    }
  );
}

/** An amount of the library's own objects: whole fen. */
function fenAmount(v: unknown): Fen | Words {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
    ? (v as Fen)
    : {
        zh: '应为以分为单位的非负整数（YearLedger 的金额以分计）',
        en: "must be a whole, non-negative number of fen (a YearLedger's amounts are fen)",
      };
}

function notACounter(book: RuleBook, year: number): Words {
  const sets = setsOfYear(book, year).map((s) => s.id);
  return sets.length === 0
    ? { zh: `${year} 年没有生效的规则，不记任何计数器`, en: `no rule set is in force in ${year}: it keeps no counter` }
    : {
        zh: `不是 ${sets.join('、')} 的计数器（拼错的或另一方案的计数器不会被任何支付层级读取）`,
        en: `not a counter of ${sets.join(', ')} (a misspelt counter, or one of another scheme, is read by no tier)`,
      };
}

const setsOfYear = (book: RuleBook, year: number) =>
  book.sets.filter((s) => s.inForce.from <= `${year}-12-31` && s.inForce.to >= `${year}-01-01`);

const counterNames = new WeakMap<RuleBook, Map<number, ReadonlySet<string>>>();

/**
 * The counters a person-year of `year` may hold under `book`: those of its rule sets in force at
 * any time of that year (computed once per book and year).
 *
 * @example
 * countersOfYear(defaultRules(), 2017).has('basic-insurance.paid.basic') // true
 */
export function countersOfYear(book: RuleBook, year: number): ReadonlySet<string> {
  let byYear = counterNames.get(book);
  if (!byYear) counterNames.set(book, (byYear = new Map()));
  let names = byYear.get(year);
  if (!names) byYear.set(year, (names = new Set(setsOfYear(book, year).flatMap((s) => s.scheme.counters))));
  return names;
}
