/**
 * The ledger as JSON: amounts as contract strings, maps with sorted keys so that the same state
 * always prints the same bytes. Used in settlements (`ledger`) and in `--ledger` files.
 */
import { lazily, zod } from '../zod.js';
import { RuleErrorCode } from '../errors/codes.js';
import { type Result, type RuleIssue, fail, formatPath, ok } from '../errors/issue.js';
import { type Fen, formatFen, parseAmount } from '../money/fen.js';
import { type Ledger, type YearLedger, ledgerKey } from './year-ledger.js';

/** A year ledger as JSON: every amount (and every amount of a map) as a contract string. */
export type YearLedgerJson = {
  readonly [K in keyof YearLedger]: YearLedger[K] extends Fen ? string : YearLedger[K] extends Readonly<Record<string, Fen>> ? Readonly<Record<string, string>> : YearLedger[K];
};

/**
 * Writes a year ledger as JSON.
 *
 * @example
 * yearLedgerToJson(emptyYearLedger('P1', 2017)).seriousIllnessBurden // "0.00"
 */
export function yearLedgerToJson(l: YearLedger): YearLedgerJson {
  return {
    personId: l.personId,
    year: l.year,
    claimIds: l.claimIds,
    basicInsurancePaid: mapToJson(l.basicInsurancePaid),
    basicDeductibleUsed: mapToJson(l.basicDeductibleUsed),
    seriousIllnessBurden: formatFen(l.seriousIllnessBurden),
    seriousIllnessPaid: formatFen(l.seriousIllnessPaid),
    supplementaryPaid: formatFen(l.supplementaryPaid),
    assistancePaid: formatFen(l.assistancePaid),
  };
}

/* The ledger file's zod schema, built on first use (zod is loaded then: src/zod.ts). */
const ledgerFileSchema = lazily(() => {
  const z = zod();
  const money = z.string().refine((s) => parseAmount(s) !== undefined, 'must be an amount string like "12.50"');
  const yearLedgerSchema = z.strictObject({
    personId: z.string().min(1),
    year: z.number().int().min(1900).max(9999),
    claimIds: z.array(z.string().min(1)),
    basicInsurancePaid: z.record(z.string(), money),
    basicDeductibleUsed: z.record(z.string(), money),
    seriousIllnessBurden: money,
    seriousIllnessPaid: money,
    supplementaryPaid: money,
    assistancePaid: money,
  });
  return z.strictObject({ version: z.literal(1), entries: z.array(yearLedgerSchema) });
});

/**
 * Writes a whole ledger as the `--ledger` file format `{ "version": 1, "entries": [...] }`,
 * entries sorted by person and year.
 *
 * @example
 * JSON.stringify(ledgerToJson(new Map())) // '{"version":1,"entries":[]}'
 */
export function ledgerToJson(ledger: Ledger): { version: 1; entries: YearLedgerJson[] } {
  const entries = [...ledger.values()]
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.year - b.year))
    .map(yearLedgerToJson);
  return { version: 1, entries };
}

/**
 * Reads a `--ledger` file's JSON; every problem comes back with its path.
 *
 * @example
 * parseLedgerJson({ version: 1, entries: [] }) // { ok: true, value: Map(0) }
 */
export function parseLedgerJson(json: unknown, file = 'ledger'): Result<Map<string, YearLedger>, RuleIssue> {
  const r = ledgerFileSchema().safeParse(json);
  if (!r.success) {
    return fail(r.error.issues.map((i) => ({ code: RuleErrorCode.LEDGER_INVALID, file, path: formatPath(i.path), message: i.message })));
  }
  const out = new Map<string, YearLedger>();
  for (const e of r.data.entries) {
    const key = ledgerKey(e.personId, e.year);
    if (out.has(key)) {
      return fail([{ code: RuleErrorCode.LEDGER_INVALID, file, path: 'entries', message: `two entries for person ${e.personId} in ${e.year}` }]);
    }
    out.set(key, {
      personId: e.personId,
      year: e.year,
      claimIds: e.claimIds,
      basicInsurancePaid: mapFromJson(e.basicInsurancePaid),
      basicDeductibleUsed: mapFromJson(e.basicDeductibleUsed),
      seriousIllnessBurden: parseAmount(e.seriousIllnessBurden)!,
      seriousIllnessPaid: parseAmount(e.seriousIllnessPaid)!,
      supplementaryPaid: parseAmount(e.supplementaryPaid)!,
      assistancePaid: parseAmount(e.assistancePaid)!,
    });
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
  const r = parseLedgerJson({ version: 1, entries: [json] }, file);
  if (!r.ok) return fail(r.errors.map((e) => ({ ...e, path: e.path.replace(/^entries\[0\]\.?/, '') })));
  return ok([...r.value.values()][0]!);
}

function mapToJson(m: Readonly<Record<string, Fen>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = formatFen(m[k]!);
  return out;
}

function mapFromJson(m: Readonly<Record<string, string>>): Record<string, Fen> {
  const out: Record<string, Fen> = {};
  for (const [k, v] of Object.entries(m)) out[k] = parseAmount(v)!;
  return out;
}
