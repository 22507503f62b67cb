/**
 * A rule set resolved for one stretch of dates: every parameter a concrete exact value, every
 * condition a compiled predicate. This is what the waterfall reads; it never sees rule files.
 */
import type { County, DeliveryMode, Location, ParameterLevel } from '../claim/enums.js';
import type { Fen } from '../money/fen.js';
import type { Ratio } from '../money/ratio.js';
import type { Predicate } from './conditions.js';
import type { FundId, TierId } from './schema.js';

/** Provenance of a rule: the clause it implements and where its content comes from. */
export interface Cited {
  readonly clause: string;
  readonly source: 'seed' | 'assumed';
  readonly description: string;
}

/** A compiled condition with its citation. */
export interface Gate extends Cited {
  readonly when: Predicate;
}

/** What every tier has: its line's label and clause, and when it applies at all. */
export interface TierHead {
  readonly id: TierId;
  readonly tier: number;
  readonly label: string;
  readonly clause: string;
  readonly applies: Gate;
}

/** A row of the basic-insurance table. */
export interface BasicTable extends Gate {
  readonly id: string;
  readonly label: string;
  readonly deductibleBasis: 'per-claim' | 'per-year';
  readonly capPool: string;
  readonly povertyAdjusted: boolean;
  readonly deductible: Fen;
  readonly ratio: Ratio;
  /** The deductible and ratio after the poverty adjustment of tier 2 (used when it applies). */
  readonly adjustedDeductible: Fen;
  readonly adjustedRatio: Ratio;
}

/** A serious-illness bracket: up to `upTo` of cumulative burden (`null` = no bound) at `ratio`. */
export interface Bracket {
  readonly upTo: Fen | null;
  readonly ratio: Ratio;
}

/** A tier-8 target: nothing to pay, or at most a share of the bill. */
export type Target =
  | (Gate & { readonly id: string; readonly kind: 'zero' })
  | (Gate & { readonly id: string; readonly kind: 'share'; readonly share: Ratio; readonly rounding: 'floor' | 'half-up' });

/** Which remainders tier 7's base is made of. */
export type AssistancePart = 'in-scope-left' | 'b-self-pay' | 'necessary-left' | 'other-left';

/** The tiers, by id. */
export interface Tiers {
  readonly 'maternal-subsidy': TierHead & {
    readonly excess: Gate & { readonly limit: Readonly<Record<DeliveryMode, Fen>>; readonly funds: readonly FundId[] };
    readonly subsidy: Gate & { readonly amount: Readonly<Record<DeliveryMode, Fen>> };
  };
  readonly 'hospital-waiver': TierHead & { readonly rate: Ratio };
  readonly 'basic-insurance': TierHead & {
    readonly tables: readonly BasicTable[];
    readonly annualCaps: Readonly<Record<string, Fen>>;
    readonly poverty: Gate & { readonly deductibleFactor: Ratio; readonly ratioAdd: Ratio };
  };
  readonly 'serious-illness-insurance': TierHead & {
    readonly deductible: Fen;
    readonly brackets: readonly Bracket[];
    readonly annualCap: Fen;
    readonly poverty: Gate & { readonly deductibleFactor: Ratio; readonly ratioAdd: Ratio };
    /** The deductible and brackets after the poverty adjustment (used when it applies). */
    readonly adjustedDeductible: Fen;
    readonly adjustedBrackets: readonly Bracket[];
  };
  readonly 'supplementary-insurance': TierHead & {
    readonly ratio: Ratio;
    readonly annualCap: Fen;
    readonly poverty: Gate & { readonly ratioAdd: Ratio };
    /** The ratio after the poverty adjustment (used when it applies). */
    readonly adjustedRatio: Ratio;
  };
  readonly 'tilt-payment': TierHead & { readonly ratio: Ratio };
  readonly 'special-supplementary-insurance': TierHead & { readonly inScopeShare: Ratio; readonly necessaryShare: Ratio };
  readonly 'medical-assistance': TierHead & { readonly parts: readonly AssistancePart[]; readonly ratio: Ratio; readonly annualLimit: Fen };
  readonly 'relief-funds': TierHead & {
    readonly funds: readonly { readonly id: FundId; readonly label: string }[];
    /** The fund ids of `funds`, in paying order. */
    readonly fundOrder: readonly FundId[];
    readonly targets: readonly Target[];
  };
}

/** One rule set, resolved on the dates from `version` to `validTo`. */
export interface Policy {
  readonly id: string;
  readonly title: string;
  /** The first date of this stretch: the latest change of any value in force. */
  readonly version: string;
  readonly validTo: string;
  readonly order: readonly TierId[];
  readonly protected: Gate;
  readonly settled: Gate;
  readonly overrides: readonly (Gate & { readonly id: string; readonly location: Location; readonly level: ParameterLevel })[];
  readonly levels: readonly (Gate & { readonly level: ParameterLevel })[];
  readonly absorbed: readonly (Gate & { readonly id: string })[];
  readonly bSelfPay: Ratio;
  readonly tiers: Tiers;
  readonly premium: { readonly clause: string; readonly perPerson: Fen; readonly cityShare: Readonly<Record<County, Ratio>> };
  readonly illnessPoverty: { readonly clause: string; readonly spendShare: Ratio; readonly lowIncomeLine: Fen };
}
