/**
 * A simulation: settle a stream of claims under one or more rule sets in one pass (the first is
 * the baseline, the others reforms), with a ledger per person-year and relief funds with yearly
 * balances, and add up what every payer spent. It keeps no settlement: memory is the aggregates,
 * the ledgers of the person-years seen and, for reforms, each person-year's running totals. A
 * file of any size is simulated in bounded memory by settling it in partitions of persons
 * (parallel.ts). The sums are indexed by each variant's dimensions (its rule book's tiers, funds,
 * counties: dimensions.ts), so one run adds up claims of both schemes.
 *
 * A claim is refused exactly as `settle` refuses it, in the same order of checks: invalid, a
 * claim id already settled (across every person and year, docs/claim.md "The ledger"), no rules for its date, a
 * county, area or category the rule set in force does not have, amounts beyond the exact range
 * for its person-year; each variant refuses on its own.
 */
import type { Claim } from '../../claim/claim.js';
import { parseClaim, parseClaimText } from '../../settle/parse-claim.js';
import { claimIssue } from '../../claim/parse.js';
import { wasRead } from '../../claim/read-mark.js';
import type { ClaimIssue, Result } from '../../errors/issue.js';
import { ClaimErrorCode } from '../../errors/codes.js';
import { ledgerYear } from '../../ledger/year-ledger.js';
import { type Fen, ZERO } from '../../money/fen.js';
import type { RuleBook } from '../../scheme/book.js';
import type { Policy } from '../../scheme/policy.js';
import type { Lang } from '../../i18n/lang.js';
import { mergeVocabularies } from '../../claim/vocabulary.js';
import { claimVocabulary } from '../../scheme/book.js';
import { type ClaimRun, emptyCounters, runClaim } from '../../settle/run-claim.js';
import { type AdmissionLedger, admit, isRefusal } from '../../settle/admit.js';
import { type Aggregates, addPersonYear, addRejected, addSettlement, emptyAggregates } from './aggregates.js';
import {
  type ChangedPatient,
  type PayChanges,
  type PersonYearTotals,
  emptyPayChanges,
  rankPersonYear,
  tallyPersonYear,
} from './changed.js';
import { dimensionsOf } from './dimensions.js';
import { IdSet } from './id-set.js';
// What `settle` says of a duplicate claim id, word for word, so that both commands print the same refusal.
import { DUPLICATE_DETAIL } from '../../ledger/duplicate-detail.js';

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
  /** How many of the person-years whose personal pay fell most, and of those whose pay rose most, to keep (default 10 each). */
  readonly topChanged?: number;
  /** The language of the rejections' messages (default zh-CN). */
  readonly lang?: Lang;
  /** Told of every settlement (variant index, input line, claim, run, policy): the per-claim rows of `--claims-out`. */
  readonly onSettled?: (variant: number, line: number, claim: Claim, run: ClaimRun, policy: Policy) => void;
}

/** What a simulation produced. */
export interface SimulationResult {
  readonly variants: readonly {
    readonly name: string;
    readonly aggregates: Aggregates;
    readonly fundsLeft: Record<string, Partial<Record<string, Fen>>>;
  }[];
  /** The person-years whose personal pay fell most and rose most (empty with a single variant). */
  readonly changed: readonly ChangedPatient[];
  /** Per reform (variant 1, 2, …): how many person-years pay less, more or the same than under the baseline. */
  readonly payChanges: readonly PayChanges[];
  /** Claims offered (input lines or CSV claims). */
  readonly lines: number;
  /**
   * Per reform (variant 1, 2, …): the claims settled under it or under the baseline but not under
   * both. Not 0, the two sides' sums cover different claims and their differences are not the reform's.
   */
  readonly unlike: readonly number[];
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
  /** Settles a claim already validated (as parseClaim returned it; anything else is refused, `unvalidated_claim`): the simulation path without the reading. */
  addValid(claim: Claim, line?: number): void;
  /** Counts an input that could not be read as a claim (too long, not UTF-8). */
  addIssue(issue: ClaimIssue, line?: number): void;
  /** The result so far (the running totals of open persons included). */
  result(): SimulationResult;
}

/**
 * Which claims a simulation refuses as duplicates. The rule is the ledger's (docs/policy-2017.md §6): a claim
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
  const seen = Array.from({ length: variants }, () => new IdSet());
  // One probe per claim (this is on the simulation path of every claim): the id is taken when it
  // is asked about, and given back in the rare case the claim is then refused.
  return {
    duplicate: (id, _line, v) => !seen[v]!.add(id),
    settled: () => undefined,
    refused: (id, _line, v) => void seen[v]!.delete(id),
  };
}

interface PersonYear {
  /** The year's counters, in the layout of the rule set that settled the person-year's last claim. */
  counters: Fen[];
  layout: readonly string[];
}

/** The counters of a person-year with none yet: nothing can overflow but the claim's own total. */
const NO_COUNTERS: readonly number[] = [];

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
  const aggs = variants.map((v) => emptyAggregates(dimensionsOf(v.rules)));
  const ledgers = variants.map(() => new Map<string, PersonYear>());
  const funds = variants.map(() => new Map<number, Partial<Record<string, Fen>>>());
  // Claims are read with the values of every variant's rule sets; each is then held to the rule set in force on its date.
  const readOptions = {
    lang: options.lang,
    vocabulary: mergeVocabularies(variants.map((v) => claimVocabulary(v.rules))),
  };
  /** Person-years' personal pay under each variant, by ledger key (only with reforms). */
  const persons = new Map<string, PersonYearTotals>();
  const unlike = new Array<number>(Math.max(0, n - 1)).fill(0);
  const settledIn = new Uint8Array(n); // per variant, 1 when the claim at hand was settled
  const keep = options.topChanged ?? 10;
  let lines = 0;
  const rejections: Rejection[] = [];

  const fundsOf = (v: number, year: number): Partial<Record<string, Fen>> => {
    let f = funds[v]!.get(year);
    if (!f) funds[v]!.set(year, (f = { ...options.funds }));
    return f;
  };

  const reject = (line: number, issue: ClaimIssue): void => {
    if (rejections.length < MAX_REJECTIONS)
      rejections.push({ line, code: issue.code, path: issue.path, message: issue.message });
  };
  /** Counts a refusal under variant `v`; the list shows the baseline's. */
  const refuse = (v: number, line: number, issue: ClaimIssue): void => {
    addRejected(aggs[v]!, issue.code);
    if (v === 0) reject(line, issue);
  };
  // What admit reads of each variant's person-year for the claim at hand (its line, and the
  // person-year found, set before each variant is tried): built once, so that admitting a claim
  // allocates nothing.
  let atLine = 0;
  let atPersonYear: PersonYear | undefined;
  const admissions = variants.map(
    (_, v): AdmissionLedger => ({
      settled: (id) => (ids.duplicate(id, atLine, v) ? DUPLICATE_DETAIL : undefined),
      counters: (policy) => (atPersonYear ? countersFor(atPersonYear, policy) : NO_COUNTERS),
    }),
  );
  const settleOne = (parsed: Result<Claim, ClaimIssue>, line = lines + 1): void => {
    lines++;
    atLine = line;
    if (!parsed.ok) {
      for (const a of aggs) addRejected(a, parsed.errors[0]!.code);
      reject(line, parsed.errors[0]!);
      return;
    }
    const claim = parsed.value;
    const personId = claim.person.id;
    const year = ledgerYear(claim.visit.discharged);
    const key = `${personId}|${year}`;
    // Who gains and who loses is a comparison: one variant keeps no totals per person-year.
    let totals = n > 1 ? persons.get(key) : undefined;
    if (n > 1) settledIn.fill(0);
    for (let v = 0; v < n; v++) {
      const agg = aggs[v]!;
      // The order of settle's checks, decided by admit: a duplicate first, then the date, the
      // scheme's values, the exact range.
      let py = ledgers[v]!.get(key);
      atPersonYear = py;
      const admitted = admit(claim, variants[v]!.rules, admissions[v]!, options.lang);
      if (isRefusal(admitted)) {
        // A duplicate leaves the id to the claim settled first; any other refusal gives it back.
        if (admitted[0]!.code !== ClaimErrorCode.DUPLICATE_CLAIM) ids.refused(claim.id, line, v);
        refuse(v, line, admitted[0]!);
        continue;
      }
      const policy = admitted;
      const fresh = py === undefined;
      py ??= { counters: emptyCounters(policy), layout: policy.scheme.counters };
      const counters = countersFor(py, policy);
      const run = runClaim(claim, policy, counters, fundsOf(v, year), false);
      ids.settled(claim.id, line, v);
      settledIn[v] = 1;
      if (fresh) {
        ledgers[v]!.set(key, py);
        addPersonYear(agg, claim, run.profile.facts.protectedPerson);
      }
      addSettlement(agg, claim, run);
      options.onSettled?.(v, line, claim, run, policy);
      if (n > 1) {
        totals ??= {
          personId,
          year,
          county: claim.person.county,
          category: claim.person.category,
          personal: new Array<number>(n).fill(0),
        };
        totals.personal[v] = totals.personal[v]! + run.end.remaining;
      }
    }
    if (totals) persons.set(key, totals);
    for (let r = 1; r < n; r++) if (settledIn[0] !== settledIn[r]) unlike[r - 1]!++;
  };

  return {
    add: (input, line) => settleOne(parseClaim(input, readOptions), line),
    addText: (text, line) => settleOne(parseClaimText(text, readOptions), line),
    // Only what the claim reader returned: anything else is refused, not guessed at (docs/claim.md, "The claim object").
    addValid: (claim, line) =>
      settleOne(
        wasRead(claim)
          ? { ok: true, value: claim }
          : { ok: false, errors: [claimIssue(ClaimErrorCode.UNVALIDATED_CLAIM, '', {}, options.lang)] },
        line,
      ),
    addIssue: (issue, line) => settleOne({ ok: false, errors: [issue] }, line),
    result: () => {
      // Every person-year counts, ranked and tallied here: memory holds them for a partition of
      // persons at a time (parallel.ts), and a result taken midway changes nothing.
      let changed: ChangedPatient[] = [];
      const payChanges = emptyPayChanges(n - 1);
      for (const p of persons.values()) {
        changed = rankPersonYear(changed, p, keep);
        tallyPersonYear(payChanges, p);
      }
      return {
        variants: variants.map((v, i) => ({
          name: v.name,
          aggregates: aggs[i]!,
          fundsLeft: Object.fromEntries(
            [...funds[i]!].sort(([a], [b]) => a - b).map(([y, f]) => [String(y), { ...f }]),
          ),
        })),
        changed,
        payChanges,
        lines,
        unlike: [...unlike],
        rejections: [...rejections],
      };
    },
  };
}
