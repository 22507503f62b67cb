/**
 * The validated, normalised claim the engine works on: defaults filled in, amounts in fen.
 */
import type { Fen } from '../money/fen.js';
import type { Area, Catalog, Category, County, DeliveryMode, HospitalLevel, Referral, VisitKind } from './enums.js';

/** One line of the bill. */
export interface Item {
  readonly category: string;
  readonly catalog: Catalog;
  readonly amount: Fen;
  readonly compliant: boolean;
  readonly necessary: boolean;
}

/** A claim as CONTRACT.md defines it, after validation. */
export interface Claim {
  readonly id: string;
  readonly person: {
    readonly id: string;
    readonly county: County;
    readonly category: Category;
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
    readonly area: Area;
    readonly designated: boolean;
  };
  readonly items: readonly Item[];
}
