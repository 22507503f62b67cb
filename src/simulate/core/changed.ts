/**
 * Who gains and who loses under a reform: each person-year's personal pay under every variant,
 * counted as paying less, more or the same as under the baseline (in all, per county and per
 * category), and the person-years whose pay changed most in each direction. Counts and sums merge
 * by addition and the ranking breaks ties by id, so one worker and eight give the same answer.
 */
import type { Fen } from '../../money/fen.js';

/** A person-year whose personal pay differs between the baseline and a reform. */
export interface ChangedPatient {
  readonly personId: string;
  /** The ledger year (the calendar year of discharge). */
  readonly year: number;
  readonly county: string;
  readonly category: string;
  /** Personal pay in the year under each variant, in variant order (fen). */
  readonly personal: readonly Fen[];
  /** Largest |reform − baseline| over the reforms (fen, signed as the largest change). */
  readonly change: Fen;
}

/** How many person-years pay less, more or the same under a reform, and by how much in all (fen). */
export interface PayChangeCounts {
  less: number;
  /** The sum of the decreases (≤ 0). */
  lessBy: number;
  more: number;
  /** The sum of the increases (≥ 0). */
  moreBy: number;
  same: number;
}

/** A reform's {@link PayChangeCounts} in all, per county and per category (keyed by id). */
export interface PayChanges {
  readonly all: PayChangeCounts;
  readonly byCounty: Record<string, PayChangeCounts>;
  readonly byCategory: Record<string, PayChangeCounts>;
}

/** A person-year's running totals while it is open. */
export interface PersonYearTotals {
  readonly personId: string;
  readonly year: number;
  readonly county: string;
  readonly category: string;
  readonly personal: number[];
}

const counts = (): PayChangeCounts => ({ less: 0, lessBy: 0, more: 0, moreBy: 0, same: 0 });

/**
 * Empty tallies, one per reform.
 *
 * @example
 * emptyPayChanges(1) // [{ all: { less: 0, … }, byCounty: {}, byCategory: {} }]
 */
export function emptyPayChanges(reforms: number): PayChanges[] {
  return Array.from({ length: reforms }, () => ({ all: counts(), byCounty: {}, byCategory: {} }));
}

/**
 * A deep copy of tallies (a result taken midway must not move when the simulation goes on).
 *
 * @example
 * const snapshot = copyPayChanges(tallies);
 */
export function copyPayChanges(t: readonly PayChanges[]): PayChanges[] {
  return structuredClone(t as PayChanges[]);
}

function addCounts(c: PayChangeCounts, d: number): void {
  if (d < 0) c.less++, (c.lessBy += d);
  else if (d > 0) c.more++, (c.moreBy += d);
  else c.same++;
}

/**
 * Counts a closed person-year into each reform's tallies.
 *
 * @example
 * tallyPersonYear(tallies, { personId: 'P1', year: 2018, county: 'anyue', category: 'registered-poor', personal: [5000, 3000] })
 */
export function tallyPersonYear(tallies: PayChanges[], p: PersonYearTotals): void {
  for (let r = 0; r < tallies.length; r++) {
    const t = tallies[r]!;
    const d = p.personal[r + 1]! - p.personal[0]!;
    addCounts(t.all, d);
    addCounts((t.byCounty[p.county] ??= counts()), d);
    addCounts((t.byCategory[p.category] ??= counts()), d);
  }
}

/**
 * Adds `b`'s tallies into `a` (the shares of a parallel run).
 *
 * @example
 * mergePayChanges(total, fromWorker)
 */
export function mergePayChanges(a: PayChanges[], b: readonly PayChanges[]): PayChanges[] {
  const add = (x: PayChangeCounts, y: PayChangeCounts): void => {
    x.less += y.less;
    x.lessBy += y.lessBy;
    x.more += y.more;
    x.moreBy += y.moreBy;
    x.same += y.same;
  };
  a.forEach((t, r) => {
    const u = b[r]!;
    add(t.all, u.all);
    for (const [k, c] of Object.entries(u.byCounty)) add((t.byCounty[k] ??= counts()), c);
    for (const [k, c] of Object.entries(u.byCategory)) add((t.byCategory[k] ??= counts()), c);
  });
  return a;
}

/**
 * Largest absolute change first; ties by person id, then year, so the ranking never depends on
 * the input's order or the number of workers.
 *
 * @example
 * changed.sort(byChange)
 */
export function byChange(a: ChangedPatient, b: ChangedPatient): number {
  return (
    Math.abs(b.change) - Math.abs(a.change) ||
    (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0) ||
    a.year - b.year
  );
}

/**
 * The `keep` largest decreases and the `keep` largest increases of a list, sorted by
 * {@link byChange}: the gainers are never crowded out by the losers, nor the other way round.
 *
 * @example
 * keepTop([...fromWorkerA, ...fromWorkerB], 10)
 */
export function keepTop(list: readonly ChangedPatient[], keep: number): ChangedPatient[] {
  let less = 0;
  let more = 0;
  return [...list].sort(byChange).filter((p) => (p.change < 0 ? less++ < keep : more++ < keep));
}

/**
 * `top` with a closed person-year added when its change ranks among the kept ones.
 *
 * @example
 * top = rankPersonYear(top, totals, 10)
 */
export function rankPersonYear(top: ChangedPatient[], p: PersonYearTotals, keep: number): ChangedPatient[] {
  let change = 0;
  for (let v = 1; v < p.personal.length; v++) {
    const d = p.personal[v]! - p.personal[0]!;
    if (Math.abs(d) > Math.abs(change)) change = d;
  }
  if (change === 0) return top;
  const entry: ChangedPatient = {
    personId: p.personId,
    year: p.year,
    county: p.county,
    category: p.category,
    personal: p.personal.slice() as Fen[],
    change: change as Fen,
  };
  // Fast path (most person-years): this side is full and its smallest kept change beats this one.
  let count = 0;
  let last: ChangedPatient | undefined;
  for (const x of top)
    if (x.change < 0 === change < 0) {
      count++;
      last = x;
    }
  if (count >= keep && byChange(entry, last!) >= 0) return top;
  return keepTop([...top, entry], keep);
}
