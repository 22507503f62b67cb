/**
 * The names a policy office reads instead of ids: payers (the tiers, the hospital, the patient),
 * relief funds, counties, person categories and pathways, in Chinese with English beside. The
 * one place the simulation report looks a label up, so that moving the names into the rule files
 * changes this file only.
 *
 * TODO(issue 10): labels from the rule files (the counties, categories and tiers of the set in
 * force), with this table as the fallback for ids a rule file does not name.
 */

/** A name in both languages of the report. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** What kind of id a label is looked up for. */
export type LabelKind = 'payer' | 'fund' | 'county' | 'category' | 'pathway';

const TABLE: Readonly<Record<LabelKind, Readonly<Record<string, Label>>>> = {
  payer: {
    hospital: { zh: '医院承担', en: 'absorbed by the hospital' },
    'maternal-subsidy': { zh: '分娩补助', en: 'maternal subsidy' },
    'hospital-waiver': { zh: '医疗机构减免', en: 'hospital waiver' },
    'basic-insurance': { zh: '基本医疗保险', en: 'basic insurance' },
    'serious-illness-insurance': { zh: '大病保险', en: 'serious-illness insurance' },
    'supplementary-insurance': { zh: '补充医疗保险', en: 'supplementary insurance' },
    'tilt-payment': { zh: '倾斜支付', en: 'tilt payment' },
    'special-supplementary-insurance': { zh: '特殊补充医疗保险', en: 'special supplementary insurance' },
    'medical-assistance': { zh: '民政医疗救助', en: 'medical assistance' },
    'relief-funds': { zh: '救助基金', en: 'relief funds' },
    personal: { zh: '个人自付', en: 'paid by the patient' },
  },
  fund: {
    'emergency-relief': { zh: '疾病应急救助基金', en: 'emergency relief fund' },
    'charity-care': { zh: '医疗爱心基金', en: 'charity care fund' },
    'health-poverty-relief': { zh: '卫生扶贫救助基金', en: 'health poverty relief fund' },
    'major-disease-charity': { zh: '重大疾病慈善救助基金', en: 'major disease charity fund' },
  },
  county: {
    yanjiang: { zh: '雁江区', en: 'Yanjiang' },
    anyue: { zh: '安岳县', en: 'Anyue' },
    lezhi: { zh: '乐至县', en: 'Lezhi' },
  },
  category: {
    'registered-poor': { zh: '建档立卡贫困人口', en: 'registered poor' },
    'rural-dibao': { zh: '农村低保对象', en: 'rural dibao' },
    general: { zh: '其他参保居民', en: 'other residents' },
  },
  pathway: {
    inpatient: { zh: '住院', en: 'inpatient' },
    delivery: { zh: '分娩', en: 'delivery' },
    'special-outpatient': { zh: '特殊疾病门诊', en: 'special outpatient' },
    'general-outpatient': { zh: '普通门诊', en: 'general outpatient' },
  },
};

/**
 * The label of an id; an id the table does not know is shown as itself in both languages (a new
 * county of a rule folder is still readable, never an error).
 *
 * @example
 * labelOf('county', 'yanjiang') // { zh: "雁江区", en: "Yanjiang" }
 */
export function labelOf(kind: LabelKind, id: string): Label {
  return TABLE[kind][id] ?? { zh: id, en: id };
}
