/**
 * The working state of one settlement, which every tier's step reads and updates in turn. A
 * compiled rule set keeps one and reuses it for every claim (docs/policy-2017.md §4: each tier reads
 * what the earlier ones left): numbers live in typed arrays, so that settling a claim allocates
 * nothing but its result. What a line's explanation needs is written as numbers to `trace`, at
 * the tier's offset, and turned into the line's detail only when someone asks (kind.detail).
 */
import type { Fen } from '../../money/fen.js';
import { POOL_NAMES } from './pools.js';

/** The parts of what is left once the carve-outs have run: S, Pb, N, O (docs/policy-2017.md §4). */
export const PART_COUNT = 4;

/** The outcome of a top-up's target. */
export interface TargetOutcome {
  readonly id: string;
  readonly personalMax: Fen;
  readonly met: boolean;
  /** How far personal pay stays above the target because the funds ran dry (0 when met). */
  readonly shortfall: Fen;
}

/** Where an amount a line reports on behalf of an earlier tier comes from (a delivery's excess). */
export interface CarriedFrom {
  readonly description: string;
  readonly descriptionEn: string;
}

/** Relief-fund balances for one settlement: a fund that is absent is unlimited. */
export type Balances = Partial<Record<string, Fen>>;

/**
 * The scratch state of a settlement. `amounts[i]` is what the i-th tier of the rule set's order
 * paid; `trace` holds, from each tier's offset, the numbers its line's detail is made of.
 */
export class Scratch {
  /** The eight pools of the bill (POOL_NAMES order), as the carve-outs leave them. */
  readonly pools = new Float64Array(POOL_NAMES.length);
  /**
   * The parts of what is left, made from the pools once the carve-outs have run: S (in scope),
   * Pb (乙类 self-pay), N (necessary out-of-catalog), O (other out-of-catalog), in PARTS order.
   * Every payment after that is taken from them while a later tier reads them, so they add up to
   * `remaining` for every tier that reads them.
   */
  readonly parts = new Float64Array(PART_COUNT);
  /** The parts as the split made them (outputs show them). */
  readonly scope = new Float64Array(PART_COUNT);
  /** The billable cost of the claim (total less what the hospital absorbs). */
  billable = 0 as Fen;
  /** Billable cost nobody has paid yet. */
  remaining = 0 as Fen;
  /** The hospital is one the tiers pay at (from the claim's profile). */
  // Stryker disable next-line BooleanLiteral: begin() sets it for every claim before any step reads it
  settled = true;
  /** Whether each tier applies to this claim (from the claim's profile), by index. */
  applies: Uint8Array = new Uint8Array(0);
  /** The person-year's counters in the rule set's layout, updated in place (bound per claim). */
  counters: Float64Array = new Float64Array(0);
  /** Relief-fund balances, updated as they are drawn (bound per claim; absent = unlimited). */
  balances: Balances = {};
  /** What each tier paid, by index in the rule set's order. */
  readonly amounts: Float64Array;
  /** Amounts a carve-out paid from funds that a later tier reports, by that tier's index. */
  readonly carried: Float64Array;
  /** Fund payments of this claim in the order they were made (a delivery's excess first). */
  // Stryker disable next-line ArrayDeclaration: only the first drawCount entries are read, each written by draw() before it counts
  readonly drawFunds: string[] = [];
  drawAmounts = new Float64Array(8);
  drawCount = 0;
  /** The target of a top-up that applied (null: none), the most the person should pay, and what the funds could not pay. */
  targetId: string | null = null;
  targetMax = 0 as Fen;
  targetShortfall = 0 as Fen;
  /** What the steps wrote for their lines' details, each tier from its offset. */
  readonly trace: Float64Array;

  constructor(tiers: number, traceWidth: number) {
    this.amounts = new Float64Array(tiers);
    this.carried = new Float64Array(tiers);
    this.trace = new Float64Array(traceWidth);
  }

  /**
   * Starts a claim: its pools, what it owes, its profile's answers, its person-year's counters
   * and the fund balances.
   *
   * @example
   * s.begin(bill.pools, bill.billable, profile.settled, profile.applies, counters, balances);
   */
  begin(
    pools: ArrayLike<number>,
    billable: Fen,
    settled: boolean,
    applies: Uint8Array,
    counters: Float64Array,
    balances: Balances,
  ): void {
    this.pools.set(pools);
    this.parts.fill(0);
    this.scope.fill(0);
    this.billable = billable;
    this.remaining = billable;
    this.settled = settled;
    this.applies = applies;
    this.counters = counters;
    this.balances = balances;
    this.amounts.fill(0);
    this.carried.fill(0);
    this.drawCount = 0;
    this.targetId = null;
  }

  /**
   * The target's outcome as outputs read it (null: no target applied).
   *
   * @example
   * s.targetOutcome() // { id: 'in-county', personalMax: 0, met: true, shortfall: 0 }
   */
  targetOutcome(): TargetOutcome | null {
    if (this.targetId === null) return null;
    return {
      id: this.targetId,
      personalMax: this.targetMax,
      met: this.targetShortfall === 0,
      shortfall: this.targetShortfall,
    };
  }

  /**
   * Records a fund's payment.
   *
   * @example
   * s.draw('emergency-relief', fen(2400));
   */
  draw(fund: string, amount: Fen): void {
    if (this.drawCount === this.drawAmounts.length) {
      const bigger = new Float64Array(this.drawAmounts.length * 2);
      bigger.set(this.drawAmounts);
      this.drawAmounts = bigger;
    }
    this.drawFunds[this.drawCount] = fund;
    this.drawAmounts[this.drawCount++] = amount;
  }
}
