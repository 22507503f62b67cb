/**
 * A simulation: settle a stream of claims under one or more rule sets in one pass (the first is
 * the baseline, the others reforms), with a ledger per person-year and relief funds with yearly
 * balances, and add up what every payer spent. It keeps no settlement: memory is the sums, the
 * ledgers of the person-years seen and, for reforms, each person-year's running totals. A file of
 * any size is simulated in bounded memory by settling it in partitions of persons (node/simulate/).
 * The sums are indexed by each variant's dimensions (its rule book's tiers, funds, counties:
 * dimensions.ts), so one run adds up claims of both schemes.
 *
 * Every claim is settled from a compact record (claim/claim-record.ts): one object reused for
 * every claim, read once from the input (or made from a validated claim), settled by each
 * variant's compiled waterfall on its scratch state, and added to typed-array sums. Nothing is
 * allocated per claim on this path but a person-year's first counters.
 *
 * A claim is refused exactly as `settle` refuses it, in the same order of checks: invalid, a
 * claim id already settled (across every person and year, docs/claim.md "The ledger"), no rules
 * for its date, a county, area or category the rule set in force does not have, amounts beyond
 * the exact range for its person-year; each variant refuses on its own.
 */
import type { Claim } from '../../claim/claim.js';
import { ClaimRecord, recordClaim } from '../../claim/claim-record.js';
import { claimIssue, readClaim, readClaimText } from '../../claim/parse.js';
import { type VocabularyIndex, vocabularyIndex } from '../../claim/vocabulary-index.js';
import { mergeVocabularies } from '../../claim/vocabulary.js';
import { ClaimErrorCode } from '../../errors/codes.js';
import type { ClaimIssue, Result } from '../../errors/issue.js';
import type { Lang } from '../../i18n/lang.js';
// What `settle` says of a duplicate claim id, word for word, so that both commands print the same refusal.
import { DUPLICATE_DETAIL } from '../../ledger/duplicate-detail.js';
import type { Fen } from '../../money/fen.js';
import { type RuleBook, claimVocabulary } from '../../scheme/book.js';
import type { Policy } from '../../scheme/policy.js';
import { BillSplit } from '../../settle/bill.js';
import type { ClaimProfile } from '../../settle/profile.js';
import { type ClaimRun, runRecord } from '../../settle/run-record.js';
import { type AdmissionLedger, admit, isRefusal } from '../../settle/admit.js';
import { wasRead } from '../../claim/read-mark.js';
import { AggregateTally, type Aggregates } from './aggregates.js';
import {
  type ChangedPatient,
  type PayChanges,
  type PersonYearTotals,
  copyPayChanges,
  emptyPayChanges,
  rankPersonYear,
  tallyPersonYear,
} from './changed.js';
import { dimensionsOf } from './dimensions.js';
import { IdSet } from './id-set.js';

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
  /**
   * Every person's claims come together, each person's in input order (a partition sorted by
   * person): the simulation then keeps only the current person's years, and ranks and tallies
   * each person when the next one begins, instead of keeping every person-year in memory.
   */
  readonly groupedByPerson?: boolean;
  /**
   * Told of every settlement (variant index, input line, the claim's record, the run): the per-claim
   * rows of `--claims-out`. The run's scratch state holds the amounts until the next claim.
   */
  readonly onSettled?: (variant: number, line: number, record: ClaimRecord, run: ClaimRun) => void;
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
  /**
   * Settles a claim record read with {@link Simulation.vocabulary} (a reader of the input filled it):
   * the simulation path without any object per claim. The record is not kept. Anything but a
   * `ClaimRecord` of this library (plain JS) is refused, `unvalidated_claim`.
   */
  addRecord(record: ClaimRecord, line?: number): void;
  /** The values a record's county, area and category are positions in (every variant's rule sets'). */
  readonly vocabulary: VocabularyIndex;
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

/** The counters of a person-year with none yet: nothing can overflow but the claim's own total. */
const NO_COUNTERS: readonly number[] = [];

interface PersonYear {
  /** The year's counters, in the layout of the rule set that settled the person-year's last claim. */
  counters: Float64Array;
  layout: readonly string[];
  /**
   * The totals of the claims settled so far: no counter is above it (each grows by at most its
   * claim's total, ledger/overflow.ts), so while it stays in the exact range with the next claim's
   * total, that claim cannot leave the range and its counters need not be looked at.
   */
  bound: number;
}

/** The person-year's counters in a policy's layout (carried by name when the rule set changes within the year). */
function countersFor(py: PersonYear, policy: Policy): Float64Array {
  const layout = policy.scheme.counters;
  if (py.layout !== layout) {
    const byName = new Map(py.layout.map((n, i) => [n, py.counters[i]!]));
    py.counters = Float64Array.from(layout, (n) => byName.get(n) ?? 0);
    py.layout = layout;
  }
  return py.counters;
}

/** A variant's sums and fund balances. */
interface VariantState {
  readonly book: RuleBook;
  readonly tally: AggregateTally;
  readonly funds: Map<number, Partial<Record<string, Fen>>>;
  /** The position in the tally's counties of each county of the vocabulary. */
  readonly countySlots: Int32Array;
  /** The fund balances of the last year drawn on. */
  fundYear: number;
  fundBalances: Partial<Record<string, Fen>> | undefined;
}

/** A person-year: its ledger under each variant, and its personal pay under each (only with reforms). */
interface YearEntry {
  readonly year: number;
  readonly ledgers: (PersonYear | undefined)[];
  totals: PersonYearTotals | undefined;
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
  // Claims are read with the values of every variant's rule sets; each is then held to the rule set in force on its date.
  const vocabulary = vocabularyIndex(mergeVocabularies(variants.map((v) => claimVocabulary(v.rules))));
  const readOptions = { lang: options.lang, vocabulary: vocabulary.vocabulary };
  const states: VariantState[] = variants.map((v) => {
    const dims = dimensionsOf(v.rules);
    const county = new Map(dims.counties.map((c, i) => [c.id, i]));
    return {
      book: v.rules,
      tally: new AggregateTally(dims),
      funds: new Map(),
      countySlots: Int32Array.from(vocabulary.vocabulary.counties, (c) => county.get(c) ?? -1),
      fundYear: -1,
      fundBalances: undefined,
    };
  });
  /** Each person's years (one lookup per claim finds every variant's ledger and the totals). */
  const persons = new Map<string, YearEntry[]>();
  // With the claims grouped by person: the current person's years, and the ranking and tallies of
  // the persons done.
  const grouped = options.groupedByPerson === true;
  let current: string | undefined;
  let currentYears: YearEntry[] = [];
  let ranked: ChangedPatient[] = [];
  const tallied = emptyPayChanges(n - 1);
  const unlike = new Array<number>(Math.max(0, n - 1)).fill(0);
  const settledIn = new Uint8Array(n); // per variant, 1 when the claim at hand was settled
  const keep = options.topChanged ?? 10;
  const record = new ClaimRecord();
  const bill = new BillSplit();
  let lines = 0;
  const rejections: Rejection[] = [];

  const fundsOf = (st: VariantState, year: number): Partial<Record<string, Fen>> => {
    if (year === st.fundYear) return st.fundBalances!;
    let f = st.funds.get(year);
    if (!f) st.funds.set(year, (f = { ...options.funds }));
    st.fundYear = year;
    st.fundBalances = f;
    return f;
  };
  /** Lists a refusal among the first MAX_REJECTIONS by line (claims may come in another order: grouped by person). */
  const reject = (line: number, issue: ClaimIssue): void => {
    if (rejections.length === MAX_REJECTIONS && line > rejections[MAX_REJECTIONS - 1]!.line) return;
    let at = rejections.length;
    while (at > 0 && rejections[at - 1]!.line > line) at--;
    rejections.splice(at, 0, { line, code: issue.code, path: issue.path, message: issue.message });
    if (rejections.length > MAX_REJECTIONS) rejections.pop();
  };
  /** Counts a refusal under variant `v`; the list shows the baseline's. */
  const refuse = (v: number, line: number, issue: ClaimIssue): void => {
    states[v]!.tally.addRejected(issue.code);
    if (v === 0) reject(line, issue);
  };
  const refuseAll = (line: number, issue: ClaimIssue): void => {
    for (const st of states) st.tally.addRejected(issue.code);
    reject(line, issue);
  };
  /** Ranks and tallies the current person's years (grouped claims: the person is done). */
  const closePerson = (): void => {
    for (const { totals: p } of currentYears) {
      if (!p) continue;
      ranked = rankPersonYear(ranked, p, keep);
      tallyPersonYear(tallied, p);
    }
    currentYears = [];
  };
  const yearOf = (personId: string, year: number): YearEntry => {
    let years: YearEntry[] | undefined;
    if (grouped) {
      if (personId !== current) {
        closePerson();
        current = personId;
      }
      years = currentYears;
    } else {
      years = persons.get(personId);
      if (!years) persons.set(personId, (years = []));
    }
    for (let i = 0; i < years.length; i++) if (years[i]!.year === year) return years[i]!;
    const e: YearEntry = { year, ledgers: new Array<PersonYear | undefined>(n), totals: undefined };
    years.push(e);
    return e;
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
      atMost: () => (atPersonYear ? atPersonYear.bound : 0),
    }),
  );

  const settleRecord = (r: ClaimRecord, line: number): void => {
    const personId = r.personId;
    const year = r.year;
    const entry = yearOf(personId, year);
    // Who gains and who loses is a comparison: one variant keeps no totals per person-year.
    let totals = entry.totals;
    if (n > 1) settledIn.fill(0);
    for (let v = 0; v < n; v++) {
      const st = states[v]!;
      // The order of settle's checks, decided by admit: a duplicate first, then the date, the
      // scheme's values, the exact range.
      let py = entry.ledgers[v];
      atLine = line;
      atPersonYear = py;
      const admitted = admit(r, st.book, vocabulary, admissions[v]!, options.lang);
      if (isRefusal(admitted)) {
        // A duplicate leaves the id to the claim settled first; any other refusal gives it back.
        if (admitted[0]!.code !== ClaimErrorCode.DUPLICATE_CLAIM) ids.refused(r.claimId, line, v);
        refuse(v, line, admitted[0]!);
        continue;
      }
      const profile: ClaimProfile = admitted;
      const policy = profile.policy;
      const fresh = py === undefined;
      py ??= { counters: new Float64Array(policy.scheme.counters.length), layout: policy.scheme.counters, bound: 0 };
      const counters = countersFor(py, policy);
      py.bound += r.total;
      const end = runRecord(r, policy, profile, counters, fundsOf(st, year), bill);
      ids.settled(r.claimId, line, v);
      settledIn[v] = 1;
      const county = st.countySlots[r.county]!;
      if (fresh) {
        entry.ledgers[v] = py;
        st.tally.addPersonYear(county, profile.facts.protectedPerson);
      }
      st.tally.addSettlement(r, county, policy, profile, bill, end);
      options.onSettled?.(v, line, r, { policy, profile, bill, end });
      if (n > 1) {
        totals ??= {
          personId,
          year,
          county: vocabulary.vocabulary.counties[r.county]!,
          category: vocabulary.vocabulary.categories[r.category]!,
          personal: new Array<number>(n).fill(0),
        };
        totals.personal[v] = totals.personal[v]! + end.remaining;
      }
    }
    entry.totals = totals;
    for (let k = 1; k < n; k++) if (settledIn[0] !== settledIn[k]) unlike[k - 1]!++;
  };

  const settleOne = (parsed: Result<Claim, ClaimIssue>, line = lines + 1): void => {
    lines++;
    if (!parsed.ok) return refuseAll(line, parsed.errors[0]!);
    // The claim was read with the vocabulary: its values are positions in it.
    recordClaim(parsed.value, vocabulary, record);
    record.line = line;
    settleRecord(record, line);
  };

  return {
    vocabulary,
    add: (input, line) => settleOne(readClaim(input, readOptions), line),
    addText: (text, line) => settleOne(readClaimText(text, readOptions), line),
    addValid: (claim, line) =>
      settleOne(
        wasRead(claim)
          ? { ok: true, value: claim }
          : { ok: false, errors: [claimIssue(ClaimErrorCode.UNVALIDATED_CLAIM, '', {}, options.lang)] },
        line,
      ),
    addIssue: (issue, line) => settleOne({ ok: false, errors: [issue] }, line),
    addRecord: (r, line = lines + 1) => {
      // A record comes from a reader of this library (the type says so, plain JS may not): anything
      // else is refused as an unvalidated claim is, never read field by field into NaN sums.
      if (!(r instanceof ClaimRecord))
        return settleOne(
          { ok: false, errors: [claimIssue(ClaimErrorCode.UNVALIDATED_CLAIM, '', {}, options.lang)] },
          line,
        );
      lines++;
      settleRecord(r, line);
    },
    result: () => {
      // Every person-year counts, ranked and tallied here (the persons done, when grouped, were
      // ranked and tallied as they closed): memory holds them for a partition of persons at a time
      // (node/simulate/), and a result taken midway changes nothing.
      let changed: ChangedPatient[] = ranked;
      const payChanges = copyPayChanges(tallied);
      const open = grouped ? [currentYears] : persons.values();
      for (const years of open)
        for (const { totals: p } of years) {
          if (!p) continue;
          changed = rankPersonYear(changed, p, keep);
          tallyPersonYear(payChanges, p);
        }
      return {
        variants: variants.map((v, i) => ({
          name: v.name,
          aggregates: states[i]!.tally.aggregates(),
          fundsLeft: Object.fromEntries(
            [...states[i]!.funds].sort(([a], [b]) => a - b).map(([y, f]) => [String(y), { ...f }]),
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
