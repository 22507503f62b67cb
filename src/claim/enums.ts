/**
 * The closed value lists the claim contract fixes for every scheme (docs/claim.md). The lists a
 * scheme declares itself (counties, areas, person categories) are in its rule files; item
 * categories are in item-categories.ts. The rule loader checks condition values against the same
 * lists, so a rule can never compare a fact with a value it cannot take.
 *
 * @example
 * VISIT_KINDS.includes(claim.visit.kind)
 */

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

/**
 * Names of the contract's values in Chinese and English, for explanations and reports.
 *
 * @example
 * CONTRACT_LABELS.deliveryMode.cesarean.zh // "剖宫产"
 */
export const CONTRACT_LABELS: Readonly<
  Record<string, Readonly<Record<string, { readonly zh: string; readonly en: string }>>>
> = {
  visitKind: {
    inpatient: { zh: '住院', en: 'inpatient' },
    delivery: { zh: '住院分娩', en: 'delivery' },
    'special-outpatient': { zh: '特殊疾病门诊', en: 'special outpatient' },
    'general-outpatient': { zh: '普通门诊', en: 'general outpatient' },
  },
  deliveryMode: {
    vaginal: { zh: '顺产', en: 'vaginal' },
    cesarean: { zh: '剖宫产', en: 'cesarean' },
  },
  referral: {
    none: { zh: '未转诊', en: 'not referred' },
    referred: { zh: '转诊', en: 'referred' },
    emergency: { zh: '急诊', en: 'emergency' },
  },
  hospitalLevel: {
    township: { zh: '乡镇', en: 'township' },
    county: { zh: '县级', en: 'county' },
    city: { zh: '市级', en: 'city' },
    provincial: { zh: '省级', en: 'provincial' },
  },
  location: {
    'in-county': { zh: '县域内', en: 'in the county' },
    'in-city': { zh: '市内县外', en: 'in the city, out of county' },
    'in-province': { zh: '省内市外', en: 'in the province, out of the city' },
    'out-of-province': { zh: '省外', en: 'out of the province' },
  },
};
