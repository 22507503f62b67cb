/**
 * The closed value lists of the claim contract (CONTRACT.md). The rule loader checks condition
 * values against the same lists, so a rule can never compare a fact with a value it cannot take.
 */
export const COUNTIES = ['yanjiang', 'anyue', 'lezhi'] as const;
export const AREAS = ['yanjiang', 'anyue', 'lezhi', 'sichuan', 'other-province'] as const;
export const CATEGORIES = ['registered-poor', 'rural-dibao', 'general'] as const;
export const VISIT_KINDS = ['inpatient', 'delivery', 'special-outpatient', 'general-outpatient'] as const;
export const REFERRALS = ['none', 'referred', 'emergency'] as const;
export const DELIVERY_MODES = ['vaginal', 'cesarean'] as const;
export const HOSPITAL_LEVELS = ['township', 'county', 'city', 'provincial'] as const;
export const CATALOGS = ['A', 'B', 'C'] as const;
/** Location classes relative to the patient (POLICY.md §2). */
export const LOCATIONS = ['in-county', 'in-city', 'in-province', 'out-of-province'] as const;
/** Rows of the basic-insurance table (POLICY.md §2). */
export const PARAMETER_LEVELS = ['township', 'county', 'city', 'in-province', 'out-of-province'] as const;

export type County = (typeof COUNTIES)[number];
export type Area = (typeof AREAS)[number];
export type Category = (typeof CATEGORIES)[number];
export type VisitKind = (typeof VISIT_KINDS)[number];
export type Referral = (typeof REFERRALS)[number];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export type HospitalLevel = (typeof HOSPITAL_LEVELS)[number];
export type Catalog = (typeof CATALOGS)[number];
export type Location = (typeof LOCATIONS)[number];
export type ParameterLevel = (typeof PARAMETER_LEVELS)[number];
