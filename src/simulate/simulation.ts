/**
 * A simulation: settle a stream of claims under one or more rule sets in one pass (the first is
 * the baseline, the others reforms), with a ledger per person-year and relief funds with yearly
 * balances, and add up what every payer spent. It keeps no settlement: memory is the aggregates,
 * the ledgers of the person-years seen and, for reforms, each person's running totals. A file of
 * any size is simulated in bounded memory by settling it in partitions of persons (parallel.ts).
 *
 * A claim is refused exactly as `settle` refuses it, in the same order of checks: invalid, a
 * claim id already settled (across every person and year, CONTRACT.md), no rules for its date,
 * amounts beyond the exact range for its person-year; each variant refuses on its own.
 */
import type { Claim } from '../claim/claim.js';
import { claimIssue, parseClaim, parseClaimText } from '../claim/parse.js';
import type { ClaimIssue, Result } from '../errors/issue.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { ledgerOverflow } from '../ledger/overflow.js';
import { ledgerYear } from '../ledger/year-ledger.js';
import type { Fen } from '../money/fen.js';
import { type RuleBook, describeBook, policyOn } from '../rules/book.js';
import type { FundId } from '../rules/schema.js';
import type { Lang } from '../i18n/lang.js';
import { emptyLedgerScratch, runClaim } from '../settle/run-claim.js';
import type { LedgerScratch } from '../settle/state.js';
import { type Aggregates, addPersonYear, addRejected, addSettlement, emptyAggregates } from './aggregates.js';

/** A rule set to simulate, by name. */
export interface Variant {
  readonly name: string;
  readonly rules: RuleBook;
}

/** Options of a simulation. */
export interface SimulationOptions {
  /** The rule sets, baseline first. */
  readonly variants: readonly Variant[];
  /** Each relief fund's balance for every calendar year (absent = unlimited). */
  readonly funds?: Readonly<Partial<Record<FundId, Fen>>>;
  /** How many of the patients whose personal pay changed most to keep (default 10). */
  readonly topChanged?: number;
  /** The language of the rejections' messages (default zh-CN). */
  readonly lang?: Lang;
}

/** A patient whose yearly personal pay differs between the baseline and a reform. */
export interface ChangedPatient {
  readonly personId: string;
  readonly county: string;
  readonly category: string;
  /** Personal pay under each variant, in variant order (fen). */
  readonly personal: readonly Fen[];
  /** Largest |reform − baseline| over the reforms (fen, signed as the largest change). */
  readonly change: Fen;
}

/** What a simulation produced. */
export interface SimulationResult {
  readonly variants: readonly { readonly name: string; readonly aggregates: Aggregates; readonly fundsLeft: Record<string, Partial<Record<FundId, Fen>>> }[];
  /** The patients whose personal pay changed most (empty with a single variant). */
  readonly changed: readonly ChangedPatient[];
  /** Claims offered (input lines or CSV claims). */
  readonly lines: number;
  /** The first refused inputs, by line, with why (all of them are counted in the aggregates). */
  readonly rejections: readonly Rejection[];
}

/** A refused input: where, which claim, and its first problem. */
export interface Rejection {
  /** The input it was read from, when a result adds up several inputs (`simulate --merge`). */
  readonly file?: string;
  readonly line: number;
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** How many refused inputs a result lists (every one is counted). */
export const MAX_REJECTIONS = 20;

/** A simulation in progress. */
export interface Simulation {
  /** Settles one claim (a parsed JSON value) under every variant; `line` names it in rejections. */
  add(input: unknown, line?: number): void;
  /** Settles one claim from its JSON text (refusing invalid JSON and keys written twice). */
  addText(text: string, line?: number): void;
  /** Settles a claim already validated (by parseClaim): the simulation path without the reading. */
  addValid(claim: Claim, line?: number): void;
  /** Counts an input that could not be read as a claim (too long, not UTF-8). */
  addIssue(issue: ClaimIssue, line?: number): void;
  /** The result so far (the running totals of open persons included). */
  result(): SimulationResult;
}

/**
 * Which claims a simulation refuses as duplicates. The rule is the ledger's (POLICY.md §6): a claim
 * id is settled once across every person and year, per variant; an earlier claim with the same id
 * that was refused (invalid, no rules, beyond the exact range) does not count. In one stream the
 * ids settled so far decide ({@link settledIdsInMemory}); a simulation in partitions is told the
 * decisions made over the whole input (duplicates.ts).
 */
export interface ClaimIdRule {
  /** True when the valid claim `id` at `line` is to be refused as a duplicate under variant `v`. */
  duplicate(id: string, line: number, v: number): boolean;
  /** The claim at `line` was settled under variant `v`. */
  settled(id: string, line: number, v: number): void;
  /** The claim at `line`, not a duplicate, was refused under variant `v` (no rules, exact range). */
  refused(id: string, line: number, v: number): void;
}

/**
 * The duplicate rule of one stream read in order: the ids settled so far, per variant (memory
 * grows with the claims: the file path settles partitions instead).
 *
 * @example
 * simulationWith(options, settledIdsInMemory(options.variants.length))
 */
export function settledIdsInMemory(variants: number): ClaimIdRule {
  const seen = Array.from({ length: variants }, () => new Set<string>());
  return {
    duplicate: (id, _line, v) => seen[v]!.has(id),
    settled: (id, _line, v) => void seen[v]!.add(id),
    refused: () => undefined,
  };
}

interface PersonTotals {
  readonly county: string;
  readonly category: string;
  readonly personal: number[];
}

/** What `settle` says of a duplicate claim id, word for word, so that both commands print the same refusal. */
const DUPLICATE_DETAIL = 'earlier in this batch or in the ledger';

/**
 * Starts a simulation of one stream of claims in input order.
 *
 * @example
 * const sim = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }] });
 * for (const c of generateClaims({ claims: 10_000 })) sim.add(c);
 * sim.result().variants[0].aggregates.all.personal
 */
export function createSimulation(options: SimulationOptions): Simulation {
  return simulationWith(options, settledIdsInMemory(options.variants.length));
}

/**
 * Starts a simulation whose duplicate claim ids are decided by `ids` (a partition of a larger
 * input is told the decisions made over the whole of it).
 *
 * @example
 * const sim = simulationWith(options, decisionsOf(marks));
 */
export function simulationWith(options: SimulationOptions, ids: ClaimIdRule): Simulation {
  const variants = options.variants;
  const n = variants.length;
  const aggs = variants.map(() => emptyAggregates());
  const ledgers = variants.map(() => new Map<string, LedgerScratch>());
  const funds = variants.map(() => new Map<number, Partial<Record<FundId, Fen>>>());
  const persons = new Map<string, PersonTotals>();
  const keep = options.topChanged ?? 10;
  let lines = 0;
  const rejections: Rejection[] = [];

  const fundsOf = (v: number, year: number): Partial<Record<FundId, Fen>> => {
    let f = funds[v]!.get(year);
    if (!f) funds[v]!.set(year, (f = { ...options.funds }));
    return f;
  };

  const reject = (line: number, issue: ClaimIssue): void => {
    if (rejections.length < MAX_REJECTIONS) rejections.push({ line, code: issue.code, path: issue.path, message: issue.message });
  };
  /** Counts a refusal under variant `v`; the list shows the baseline's. */
  const refuse = (v: number, line: number, issue: ClaimIssue): void => {
    addRejected(aggs[v]!, issue.code);
    if (v === 0) reject(line, issue);
  };
  const settleOne = (parsed: Result<Claim, ClaimIssue>, line = lines + 1): void => {
    lines++;
    if (!parsed.ok) {
      for (const a of aggs) addRejected(a, parsed.errors[0]!.code);
      reject(line, parsed.errors[0]!);
      return;
    }
    const claim = parsed.value;
    const personId = claim.person.id;
    const year = ledgerYear(claim.visit.discharged);
    const key = `${personId}|${year}`;
    let totals = persons.get(personId);
    for (let v = 0; v < n; v++) {
      const agg = aggs[v]!;
      // The order of settle's checks: a duplicate first, then the date, then the exact range.
      if (ids.duplicate(claim.id, line, v)) {
        refuse(v, line, claimIssue(ClaimErrorCode.DUPLICATE_CLAIM, 'id', { received: claim.id, detail: DUPLICATE_DETAIL }, options.lang));
        continue;
      }
      const policy = policyOn(variants[v]!.rules, claim.visit.discharged);
      if (!policy) {
        ids.refused(claim.id, line, v);
        refuse(v, line, claimIssue(ClaimErrorCode.NO_RULES_FOR_DATE, 'visit.discharged', { received: claim.visit.discharged, detail: describeBook(variants[v]!.rules) }, options.lang));
        continue;
      }
      let ledger = ledgers[v]!.get(key);
      const fresh = ledger === undefined;
      ledger ??= emptyLedgerScratch();
      const overflow = ledgerOverflow(ledger, claim, options.lang);
      if (overflow) {
        ids.refused(claim.id, line, v);
        refuse(v, line, overflow);
        continue;
      }
      const run = runClaim(claim, policy, ledger, fundsOf(v, year), false);
      ids.settled(claim.id, line, v);
      if (fresh) {
        ledgers[v]!.set(key, ledger);
        addPersonYear(agg, claim, run.profile.facts.protectedPerson);
      }
      addSettlement(agg, claim, run);
      if (n > 1) {
        totals ??= { county: claim.person.county, category: claim.person.category, personal: new Array<number>(n).fill(0) };
        totals.personal[v] = totals.personal[v]! + run.end.remaining;
      }
    }
    if (totals) persons.set(personId, totals);
  };

  return {
    add: (input, line) => settleOne(parseClaim(input, options), line),
    addText: (text, line) => settleOne(parseClaimText(text, options), line),
    addValid: (claim, line) => settleOne({ ok: true, value: claim }, line),
    addIssue: (issue, line) => settleOne({ ok: false, errors: [issue] }, line),
    result: () => {
      let changed: ChangedPatient[] = [];
      for (const [id, p] of persons) changed = ranked(changed, id, p, keep);
      return {
        variants: variants.map((v, i) => ({
          name: v.name,
          aggregates: aggs[i]!,
          fundsLeft: Object.fromEntries([...funds[i]!].sort(([a], [b]) => a - b).map(([y, f]) => [String(y), { ...f }])),
        })),
        changed,
        lines,
        rejections: [...rejections],
      };
    },
  };
}

/** `top` with the person inserted when their change ranks among the `keep` largest. */
function ranked(top: ChangedPatient[], personId: string, p: PersonTotals, keep: number): ChangedPatient[] {
  let change = 0;
  for (let v = 1; v < p.personal.length; v++) {
    const d = p.personal[v]! - p.personal[0]!;
    if (Math.abs(d) > Math.abs(change)) change = d;
  }
  if (change === 0) return top;
  const entry: ChangedPatient = { personId, county: p.county, category: p.category, personal: p.personal.slice() as Fen[], change: change as Fen };
  if (top.length >= keep && byChange(entry, top[top.length - 1]!) >= 0) return top;
  return [...top, entry].sort(byChange).slice(0, keep);
}

/** Largest absolute change first; ties by person id, so the ranking never depends on input order. */
export function byChange(a: ChangedPatient, b: ChangedPatient): number {
  return Math.abs(b.change) - Math.abs(a.change) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}
