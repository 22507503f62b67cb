/**
 * The validated, normalised claim the engine works on: defaults filled in, amounts in fen, item
 * categories as ids. County, area and person category are checked against the scheme in force on
 * the discharge date when the claim is settled.
 */
import type { Fen } from '../money/fen.js';
import type { Catalog, DeliveryMode, HospitalLevel, Referral, VisitKind } from './enums.js';
import type { ItemCategory } from './item-categories.js';

/** One line of the bill. */
export interface Item {
  /** The category id (a national code given in the claim is read as its id). */
  readonly category: ItemCategory;
  readonly catalog: Catalog;
  readonly amount: Fen;
  readonly compliant: boolean;
  readonly necessary: boolean;
}

/** A claim as docs/claim.md, "The settlement", defines it, after validation. */
export interface Claim {
  readonly id: string;
  readonly person: {
    readonly id: string;
    /** A county of the scheme in force (its jurisdiction.json). */
    readonly county: string;
    /** A person category of the scheme in force (its persons.json). */
    readonly category: string;
    readonly illnessInduced: boolean;
  };
  readonly visit: {
    readonly kind: VisitKind;
    readonly admitted: string;
    readonly discharged: string;
    readonly chronic: boolean;
    readonly majorDisease: boolean;
    readonly referral: Referral;
    readonly deliveryMode: DeliveryMode | undefined;
  };
  readonly hospital: {
    readonly id: string | undefined;
    readonly name: string | undefined;
    readonly level: HospitalLevel;
    /** A county of the scheme in force, or one of its areas elsewhere. */
    readonly area: string;
    readonly designated: boolean;
  };
  readonly items: readonly Item[];
}
