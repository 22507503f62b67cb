/**
 * A simulation: settle a stream of claims under one or more rule sets in one pass (the first is
 * the baseline, the others reforms), with a ledger per person-year and relief funds with yearly
 * balances, and add up what every payer spent. It keeps no settlement: memory is the aggregates,
 * the ledgers of the person-years still open and, for reforms, each person's running totals.
 *
 * With `grouped` (the input lists each person's claims together, as the generator and a shard by
 * person do), a person's ledgers are dropped when the next person starts: memory stays flat
 * whatever the input's length. Without it, every person-year is kept to the end.
 */
import type { Claim } from '../claim/claim.js';
import { claimIssue, parseClaim, parseClaimText } from '../claim/parse.js';
import type { ClaimIssue, Result } from '../errors/issue.js';
import { ClaimErrorCode } from '../errors/codes.js';
import { ledgerYear } from '../ledger/year-ledger.js';
import { type Fen, ZERO } from '../money/fen.js';
import { type RuleBook, policyOn } from '../rules/book.js';
import type { Policy } from '../rules/policy.js';
import type { Lang } from '../i18n/lang.js';
import { claimVocabulary, mergeVocabularies } from '../claim/vocabulary.js';
import { type ClaimRun, emptyCounters, runClaim } from '../settle/run-claim.js';
import { schemeIssues } from '../settle/settle-claim.js';
import { type Aggregates, addPersonYear, addRejected, addSettlement, emptyAggregates } from './aggregates.js';
import { type ChangedPatient, type PayChanges, type PersonYearTotals, copyPayChanges, emptyPayChanges, rankPersonYear, tallyPersonYear } from './changed.js';
import { dimensionsOf } from './dimensions.js';

export { byChange, type ChangedPatient, type PayChanges, type PayChangeCounts } from './changed.js';

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
  readonly funds?: Readonly<Partial<Record<string, Fen>>>;
  /** The input lists each person's claims together: drop a person's ledgers when the next starts. */
  readonly grouped?: boolean;
  /** How many of the person-years whose personal pay fell most, and of those whose pay rose most, to keep (default 10 each). */
  readonly topChanged?: number;
  /** The language of the rejections' messages (default zh-CN). */
  readonly lang?: Lang;
  /** Told of every settlement (variant index, input line, claim, run, policy): the per-claim rows of `--claims-out`. */
  readonly onSettled?: (variant: number, line: number, claim: Claim, run: ClaimRun, policy: Policy) => void;
}

/** What a simulation produced. */
export interface SimulationResult {
  readonly variants: readonly { readonly name: string; readonly aggregates: Aggregates; readonly fundsLeft: Record<string, Partial<Record<string, Fen>>> }[];
  /** The person-years whose personal pay fell most and rose most (empty with a single variant). */
  readonly changed: readonly ChangedPatient[];
  /** Per reform (variant 1, 2, …): how many person-years pay less, more or the same than under the baseline. */
  readonly payChanges: readonly PayChanges[];
  /** Claims offered (input lines or CSV claims). */
  readonly lines: number;
  /** The first refused inputs, by line, with why (all of them are counted in the aggregates). */
  readonly rejections: readonly Rejection[];
}

/** A refused input: where, which claim, and its first problem. */
export interface Rejection {
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

interface PersonYear {
  /** The year's counters, in the layout of the rule set that settled the person-year's last claim. */
  counters: Fen[];
  layout: readonly string[];
  readonly ids: string[];
}

/** The person-year's counters in a policy's layout (carried by name when the rule set changes within the year). */
function countersFor(py: PersonYear, policy: Policy): Fen[] {
  const layout = policy.scheme.counters;
  if (py.layout !== layout) {
    const byName = new Map(py.layout.map((n, i) => [n, py.counters[i]!]));
    py.counters = layout.map((n) => byName.get(n) ?? ZERO);
    py.layout = layout;
  }
  return py.counters;
}

/**
 * Starts a simulation.
 *
 * @example
 * const sim = createSimulation({ variants: [{ name: 'baseline', rules: defaultRules() }] });
 * for (const c of generateClaims({ claims: 10_000 })) sim.add(c);
 * sim.result().variants[0].aggregates.all.personal
 */
export function createSimulation(options: SimulationOptions): Simulation {
  const variants = options.variants;
  const n = variants.length;
  const aggs = variants.map((v) => emptyAggregates(dimensionsOf(v.rules)));
  const ledgers = variants.map(() => new Map<string, PersonYear>());
  const funds = variants.map(() => new Map<number, Partial<Record<string, Fen>>>());
  const readOptions = { lang: options.lang, vocabulary: mergeVocabularies(variants.map((v) => claimVocabulary(v.rules))) };
  /** Open person-years' personal pay under each variant, by ledger key (only with reforms). */
  const persons = new Map<string, PersonYearTotals>();
  const keep = options.topChanged ?? 10;
  let top: ChangedPatient[] = [];
  const tallies = emptyPayChanges(n - 1);
  let current: string | undefined;
  let lines = 0;
  const rejections: Rejection[] = [];
  /** Calendar years seen, to find a person's ledgers when dropping them. */
  const years = new Set<number>();

  const fundsOf = (v: number, year: number): Partial<Record<string, Fen>> => {
    let f = funds[v]!.get(year);
    if (!f) funds[v]!.set(year, (f = { ...options.funds }));
    return f;
  };

  const closePerson = (personId: string): void => {
    for (const y of years) {
      const key = `${personId}|${y}`;
      if (options.grouped) for (const l of ledgers) l.delete(key);
      const p = persons.get(key);
      if (!p) continue;
      persons.delete(key);
      top = rankPersonYear(top, p, keep);
      tallyPersonYear(tallies, p);
    }
  };

  const reject = (line: number, issue: ClaimIssue): void => {
    if (rejections.length < MAX_REJECTIONS) rejections.push({ line, code: issue.code, path: issue.path, message: issue.message });
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
    if (options.grouped && current !== undefined && current !== personId) closePerson(current);
    current = personId;
    const year = ledgerYear(claim.visit.discharged);
    years.add(year);
    const key = `${personId}|${year}`;
    let totals = persons.get(key);
    for (let v = 0; v < n; v++) {
      const agg = aggs[v]!;
      const policy = policyOn(variants[v]!.rules, claim.visit.discharged);
      if (!policy) {
        addRejected(agg, ClaimErrorCode.NO_RULES_FOR_DATE);
        if (v === 0) reject(line, claimIssue(ClaimErrorCode.NO_RULES_FOR_DATE, 'visit.discharged', { received: claim.visit.discharged }, options.lang));
        continue;
      }
      const misfit = schemeIssues(claim, policy, options.lang);
      if (misfit.length > 0) {
        addRejected(agg, misfit[0]!.code);
        if (v === 0) reject(line, misfit[0]!);
        continue;
      }
      let py = ledgers[v]!.get(key);
      if (py?.ids.includes(claim.id)) {
        addRejected(agg, ClaimErrorCode.DUPLICATE_CLAIM);
        if (v === 0) reject(line, claimIssue(ClaimErrorCode.DUPLICATE_CLAIM, 'id', { received: claim.id, detail: `in the person-year ${key}` }, options.lang));
        continue;
      }
      const fresh = py === undefined;
      py ??= { counters: emptyCounters(policy), layout: policy.scheme.counters, ids: [] };
      const run = runClaim(claim, policy, countersFor(py, policy), fundsOf(v, year), false);
      py.ids.push(claim.id);
      if (fresh) {
        ledgers[v]!.set(key, py);
        addPersonYear(agg, claim, run.profile.facts.protectedPerson);
      }
      addSettlement(agg, claim, run);
      options.onSettled?.(v, line, claim, run, policy);
      if (n > 1) {
        totals ??= { personId, year, county: claim.person.county, category: claim.person.category, personal: new Array<number>(n).fill(0) };
        totals.personal[v] = totals.personal[v]! + run.end.remaining;
      }
    }
    if (totals) persons.set(key, totals);
  };

  return {
    add: (input, line) => settleOne(parseClaim(input, readOptions), line),
    addText: (text, line) => settleOne(parseClaimText(text, readOptions), line),
    addValid: (claim, line) => settleOne({ ok: true, value: claim }, line),
    addIssue: (issue, line) => settleOne({ ok: false, errors: [issue] }, line),
    result: () => {
      // Person-years still open count too, without closing them: `result` may be called midway.
      let changed = top;
      const payChanges = copyPayChanges(tallies);
      for (const p of persons.values()) {
        changed = rankPersonYear(changed, p, keep);
        tallyPersonYear(payChanges, p);
      }
      return {
        variants: variants.map((v, i) => ({
          name: v.name,
          aggregates: aggs[i]!,
          fundsLeft: Object.fromEntries([...funds[i]!].sort(([a], [b]) => a - b).map(([y, f]) => [String(y), { ...f }])),
        })),
        changed,
        payChanges,
        lines,
        rejections: [...rejections],
      };
    },
  };
}
