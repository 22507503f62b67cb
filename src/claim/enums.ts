/**
 * The closed value lists of the claim contract (CONTRACT.md). The rule loader checks condition
 * values against the same lists, so a rule can never compare a fact with a value it cannot take.
 *
 * @example
 * COUNTIES.includes(claim.person.county)
 */

/** `person.county`: the three counties of Ziyang. */
export const COUNTIES = ['yanjiang', 'anyue', 'lezhi'] as const;
/** `hospital.area`: a Ziyang county, elsewhere in Sichuan, or another province. */
export const AREAS = ['yanjiang', 'anyue', 'lezhi', 'sichuan', 'other-province'] as const;
/** `person.category`: registered poor (建档立卡), rural dibao not registered (农村低保), other residents. */
export const CATEGORIES = ['registered-poor', 'rural-dibao', 'general'] as const;
/** `visit.kind`. */
export const VISIT_KINDS = ['inpatient', 'delivery', 'special-outpatient', 'general-outpatient'] as const;
/** `visit.referral`. */
export const REFERRALS = ['none', 'referred', 'emergency'] as const;
/** `visit.deliveryMode` (required for deliveries). */
export const DELIVERY_MODES = ['vaginal', 'cesarean'] as const;
/** `hospital.level`. */
export const HOSPITAL_LEVELS = ['township', 'county', 'city', 'provincial'] as const;
/** `items[].catalog`: 甲类, 乙类, 丙类 (out of catalog). */
export const CATALOGS = ['A', 'B', 'C'] as const;
/** Location classes relative to the patient (POLICY.md §2). */
export const LOCATIONS = ['in-county', 'in-city', 'in-province', 'out-of-province'] as const;
/** Rows of the basic-insurance table (POLICY.md §2). */
export const PARAMETER_LEVELS = ['township', 'county', 'city', 'in-province', 'out-of-province'] as const;

/** One of {@link COUNTIES}. */
export type County = (typeof COUNTIES)[number];
/** One of {@link AREAS}. */
export type Area = (typeof AREAS)[number];
/** One of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];
/** One of {@link VISIT_KINDS}. */
export type VisitKind = (typeof VISIT_KINDS)[number];
/** One of {@link REFERRALS}. */
export type Referral = (typeof REFERRALS)[number];
/** One of {@link DELIVERY_MODES}. */
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
/** One of {@link HOSPITAL_LEVELS}. */
export type HospitalLevel = (typeof HOSPITAL_LEVELS)[number];
/** One of {@link CATALOGS}. */
export type Catalog = (typeof CATALOGS)[number];
/** One of {@link LOCATIONS}. */
export type Location = (typeof LOCATIONS)[number];
/** One of {@link PARAMETER_LEVELS}. */
export type ParameterLevel = (typeof PARAMETER_LEVELS)[number];
