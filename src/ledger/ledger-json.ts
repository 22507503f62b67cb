/**
 * The ledger as JSON: amounts as contract strings, counters with sorted names, so that the same
 * state always prints the same bytes. Used in settlements (`ledger`) and in `--ledger` files
 * (`{"version": 2, "entries": [...]}`; version 1 files, written before the counters were generic,
 * are read too).
 */
import { lazily, zod } from '../zod.js';
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, formatPath, ok } from '../errors/issue.js';
import { type Fen, formatFen, parseAmount } from '../money/fen.js';
import { type Ledger, type YearLedger, ledgerKey } from './year-ledger.js';
import { keyShape } from './key-shape.js';

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
 * Writes a year ledger as JSON.
 *
 * @example
 * yearLedgerToJson(emptyYearLedger('P1', 2017)).counters // {}
 */
export function yearLedgerToJson(l: YearLedger): YearLedgerJson {
  const keys = sortedKeys(l.counters);
  const counters = { ...keyShape(keys) } as unknown as Record<string, string>;
  for (const k of keys) counters[k] = formatFen(l.counters[k]!);
  return { personId: l.personId, year: l.year, claimIds: l.claimIds, counters };
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
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/*
 * The ledger file's zod schema, built on first use (zod is loaded then: src/zod.ts). Version 1 is
 * the format of the first releases, with the 2017 counters as fields; it is read into the
 * counters the 2017 rule set's tiers keep.
 */
const ledgerFileSchema = lazily(() => {
  const z = zod();
  const money = z.string().refine((s) => parseAmount(s) !== undefined, 'must be an amount string like "12.50"');
  const head = {
    personId: z.string().min(1),
    year: z.number().int().min(1900).max(9999),
    claimIds: z.array(z.string().min(1)),
  };
  const v2 = z.strictObject({ ...head, counters: z.record(z.string().min(1), money) });
  const v1 = z.strictObject({
    ...head,
    basicInsurancePaid: z.record(z.string(), money),
    basicDeductibleUsed: z.record(z.string(), money),
    seriousIllnessBurden: money,
    seriousIllnessPaid: money,
    supplementaryPaid: money,
    assistancePaid: money,
  });
  // Chosen by `version`, so that a problem is reported inside the version the file says it is
  // (a plain union reports only "Invalid input" at the root).
  return z
    .discriminatedUnion('version', [
      z.strictObject({ version: z.literal(2), entries: z.array(v2) }),
      z.strictObject({ version: z.literal(1), entries: z.array(v1) }),
    ])
    .transform((f) => (f.version === 1 ? { version: 2 as const, entries: f.entries.map(fromVersion1) } : f));
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
 * Reads a `--ledger` file's JSON; every problem comes back with its path.
 *
 * @example
 * parseLedgerJson({ version: 2, entries: [] }) // { ok: true, value: Map(0) }
 */
export function parseLedgerJson(json: unknown, file = 'ledger'): Result<Map<string, YearLedger>, RuleIssue> {
  const r = ledgerFileSchema().safeParse(json);
  if (!r.success) {
    return fail(
      r.error.issues.map((i) => ({
        code: RuleErrorCode.LEDGER_INVALID,
        file,
        path: formatPath(i.path),
        message: i.message,
      })),
    );
  }
  const out = new Map<string, YearLedger>();
  for (const e of r.data.entries) {
    const key = ledgerKey(e.personId, e.year);
    if (out.has(key)) {
      return fail([
        {
          code: RuleErrorCode.LEDGER_INVALID,
          file,
          path: 'entries',
          message: `two entries for person ${e.personId} in ${e.year}`,
        },
      ]);
    }
    out.set(key, yearLedgerFromJson(e));
  }
  return ok(out);
}

/**
 * Reads one year ledger's JSON (as {@link yearLedgerToJson} writes it, or as a settlement's
 * `ledger`); every problem comes back with its path.
 *
 * @example
 * parseYearLedgerJson(yearLedgerToJson(emptyYearLedger('P1', 2017))) // { ok: true, value: { personId: 'P1', … } }
 */
export function parseYearLedgerJson(json: unknown, file = 'ledger'): Result<YearLedger, RuleIssue> {
  const r = parseLedgerJson({ version: 2, entries: [json] }, file);
  if (!r.ok) return fail(r.errors.map((e) => ({ ...e, path: e.path.replace(/^entries\[0\]\.?/, '') })));
  return ok([...r.value.values()][0]!);
}

/**
 * Reads one year ledger written by {@link yearLedgerToJson} (already checked, or from our own store).
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
