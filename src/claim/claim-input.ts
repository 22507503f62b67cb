/**
 * A claim as a billing system sends it (docs/claim.md, "The claim"; docs/claim.md), before validation:
 * amounts as strings or numbers, item categories by id or national code, optional fields absent.
 * The parser turns it into a {@link Claim} (defaults filled in, amounts in fen, categories as ids)
 * or says what is wrong with it. A test holds this type to the zod schema's input type.
 */
import type { Catalog, DeliveryMode, HospitalLevel, Referral, VisitKind } from './enums.js';
import type { ItemCategory } from './item-categories.js';

/** An amount in yuan: a string with at most two decimals (`"1234.50"`, `"1234"`), or a number that is a whole number of fen. */
export type AmountInput = string | number;

/** An item category by id (`"western-drug"`) or by national code (`"09"`). */
export type ItemCategoryInput =
  | ItemCategory
  | '01'
  | '02'
  | '03'
  | '04'
  | '05'
  | '06'
  | '07'
  | '08'
  | '09'
  | '10'
  | '11'
  | '12'
  | '13'
  | '14';

/** One line of the bill, as sent. */
export interface ItemInput {
  readonly category: ItemCategoryInput;
  readonly catalog: Catalog;
  readonly amount: AmountInput;
  /** Default `true`; a non-compliant item is borne by the hospital. */
  readonly compliant?: boolean;
  /** Default `false`; meaningful for catalog C (out of catalog). */
  readonly necessary?: boolean;
}

/**
 * A claim as sent.
 *
 * @example
 * const claim: ClaimInput = {
 *   id: 'C-2023-000001',
 *   person: { id: 'P-1', county: 'anyue', category: 'dibao' },
 *   visit: { kind: 'inpatient', discharged: '2023-05-20' },
 *   hospital: { level: 'county', area: 'anyue' },
 *   items: [{ category: '09', catalog: 'A', amount: '1800.00' }],
 * };
 */
export interface ClaimInput {
  readonly id: string;
  readonly person: {
    readonly id: string;
    /** A county of the rule set in force on `visit.discharged`. */
    readonly county: string;
    /** A person category of the rule set in force on `visit.discharged`. */
    readonly category: string;
    /** Default `false`. */
    readonly illnessInduced?: boolean;
  };
  readonly visit: {
    readonly kind: VisitKind;
    /** Default: `discharged`. */
    readonly admitted?: string;
    /** `YYYY-MM-DD`: it chooses the rule set and the ledger year. */
    readonly discharged: string;
    readonly chronic?: boolean;
    readonly majorDisease?: boolean;
    /** Default `"none"`. */
    readonly referral?: Referral;
    /** Required for a delivery. */
    readonly deliveryMode?: DeliveryMode;
  };
  readonly hospital: {
    readonly id?: string;
    readonly name?: string;
    readonly level: HospitalLevel;
    /** A county of the rule set in force, or one of its areas elsewhere. */
    readonly area: string;
    /** Default `true`. */
    readonly designated?: boolean;
  };
  readonly items: readonly ItemInput[];
}
