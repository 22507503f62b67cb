/**
 * Reading a claim as docs/claim.md writes it ("Claim (input)"), with its defaults, for the oracle.
 * The claim is assumed valid: this does not validate, it only reads, fills the defaults and
 * chooses the era by the discharge date.
 */
import { parseAmount, type Fen } from './money.js';

/** The two rule sets of the specs. */
export type OracleRuleSetId = 'ziyang-2017' | 'ziyang-2022';

export type County = 'yanjiang' | 'anyue' | 'lezhi';
export type Area = County | 'sichuan' | 'other-province';
export type HospitalLevel = 'township' | 'county' | 'city' | 'provincial';
export type VisitKind = 'inpatient' | 'delivery' | 'special-outpatient' | 'general-outpatient';
export type Referral = 'none' | 'referred' | 'emergency';
export type Catalog = 'A' | 'B' | 'C';

/** One bill item, read. */
export interface OracleItem {
  /** docs/claim.md: drug ids `drug`, `western-drug`, `herbal-drug`, `patent-drug`, codes `09`–`11`. */
  readonly drug: boolean;
  readonly catalog: Catalog;
  readonly amount: Fen;
  readonly compliant: boolean;
  readonly necessary: boolean;
}

/** A claim with every default of docs/claim.md filled in. */
export interface OracleClaim {
  readonly id: string;
  readonly personId: string;
  readonly county: County;
  readonly category: string;
  readonly illnessInduced: boolean;
  readonly kind: VisitKind;
  readonly discharged: string;
  readonly year: number;
  readonly rules: OracleRuleSetId;
  readonly chronic: boolean;
  readonly majorDisease: boolean;
  readonly referral: Referral;
  readonly deliveryMode: 'vaginal' | 'cesarean' | undefined;
  readonly level: HospitalLevel;
  readonly area: Area;
  readonly designated: boolean;
  readonly items: readonly OracleItem[];
}

/** docs/claim.md, the item category table: the categories that are drugs, by id and by code. */
const DRUG_CATEGORIES = new Set(['drug', 'western-drug', 'herbal-drug', 'patent-drug', '09', '10', '11']);

/**
 * The rule set in force on a discharge date: docs/policy-2017.md §8 (2017-03-17 to 2020-12-31) and
 * docs/policy-2022.md §5 (from 2022-01-01; 2021 has none). Throws where none is in force.
 * @example ruleSetOn('2021-06-01') // throws
 */
export function ruleSetOn(discharged: string): OracleRuleSetId {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(discharged))
    throw new Error(`oracle: discharge date ${discharged} is not an ISO date`);
  if (discharged >= '2017-03-17' && discharged <= '2020-12-31') return 'ziyang-2017';
  if (discharged >= '2022-01-01') return 'ziyang-2022';
  throw new Error(`oracle: no rule set is in force on ${discharged}`);
}

type Json = Record<string, unknown>;

/**
 * Reads a claim's JSON (already parsed) into an {@link OracleClaim}.
 * @example readClaim(JSON.parse(text)).rules === 'ziyang-2017'
 */
export function readClaim(json: unknown): OracleClaim {
  const claim = json as Json;
  const person = claim.person as Json;
  const visit = claim.visit as Json;
  const hospital = claim.hospital as Json;
  const discharged = String(visit.discharged);
  return {
    id: String(claim.id),
    personId: String(person.id),
    county: person.county as County,
    category: String(person.category),
    illnessInduced: person.illnessInduced === true,
    kind: visit.kind as VisitKind,
    discharged,
    year: Number(discharged.slice(0, 4)),
    rules: ruleSetOn(discharged),
    chronic: visit.chronic === true,
    majorDisease: visit.majorDisease === true,
    referral: (visit.referral ?? 'none') as Referral,
    deliveryMode: visit.deliveryMode as 'vaginal' | 'cesarean' | undefined,
    level: hospital.level as HospitalLevel,
    area: hospital.area as Area,
    designated: hospital.designated !== false,
    items: (claim.items as Json[]).map((item) => ({
      drug: DRUG_CATEGORIES.has(String(item.category)),
      catalog: item.catalog as Catalog,
      amount: parseAmount(item.amount),
      compliant: item.compliant !== false,
      necessary: item.necessary === true,
    })),
  };
}
