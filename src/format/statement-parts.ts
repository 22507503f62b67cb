/**
 * What the cashier's statement says, whatever it is printed on (the terminal's text, the printable
 * HTML): the labels, the payer columns, the amounts of a row, the heading lines and the closing
 * sentences. One place, so the text and the HTML statement can never disagree.
 */
import { type Fen, formatFen } from '../money/fen.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import { formatSharePercent } from './settlement-json.js';

/** Short Chinese names of the payers, for column headers. */
export const SHORT: Readonly<Record<string, string>> = {
  'maternal-subsidy': '分娩补助',
  'hospital-waiver': '医院减免',
  'basic-insurance': '基本医保',
  'serious-illness-insurance': '大病保险',
  'supplementary-insurance': '补充医保',
  'tilt-payment': '倾斜支付',
  'special-supplementary-insurance': '特殊补充',
  'medical-assistance': '民政救助',
  'relief-funds': '救助基金',
};
const COUNTY: Readonly<Record<string, string>> = { yanjiang: '雁江区', anyue: '安岳县', lezhi: '乐至县', sichuan: '省内市外', 'other-province': '省外' };
const CATEGORY: Readonly<Record<string, string>> = { 'registered-poor': '建档立卡贫困人口', 'rural-dibao': '农村低保对象', general: '城乡居民' };
const KIND: Readonly<Record<string, string>> = { inpatient: '住院', delivery: '住院分娩', 'special-outpatient': '特殊疾病门诊', 'general-outpatient': '普通门诊' };
const LEVEL: Readonly<Record<string, string>> = { township: '乡镇级', county: '县级', city: '市级', provincial: '省级' };
const LOCATION: Readonly<Record<string, string>> = { 'in-county': '县域内', 'in-city': '市内县外', 'in-province': '省内市外', 'out-of-province': '省外' };

/**
 * The payers that appear in any of the records, in tier order.
 *
 * @example
 * payerColumns([record]) // ["hospital-waiver", "basic-insurance", …]
 */
export function payerColumns(records: readonly SettlementRecord[]): string[] {
  const tiers = new Map<string, number>();
  for (const r of records) for (const l of r.lines) tiers.set(l.id, l.tier);
  return [...tiers.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/**
 * A claim's amounts in the statement's columns (total, hospital, each payer, personal);
 * `undefined` where a payer has no line (tier 0).
 *
 * @example
 * statementAmounts(record, payerColumns([record]))
 */
export function statementAmounts(r: SettlementRecord, ids: readonly string[]): (Fen | undefined)[] {
  return [r.bill.total, r.bill.hospitalAbsorbed, ...ids.map((id) => r.lines.find((x) => x.id === id)?.amount), r.personal];
}

/**
 * The column headers for `ids`: total, hospital, each payer's short name, personal.
 *
 * @example
 * statementHeader(['basic-insurance']) // ["总费用", "医院承担", "基本医保", "个人自付"]
 */
export function statementHeader(ids: readonly string[]): string[] {
  return ['总费用', '医院承担', ...ids.map((id) => SHORT[id] ?? id), '个人自付'];
}

/**
 * The title and the lines that say whose claim, where, when and under which rules.
 *
 * @example
 * statementHeadings(record)[0] // "八顺位医疗费用结算单（一张清单、分别列账）"
 */
export function statementHeadings(r: SettlementRecord): string[] {
  const c = r.claim;
  const who = `${CATEGORY[c.person.category]}${c.person.illnessInduced ? '（因病致贫）' : ''}`;
  const hospital = `${c.hospital.name ?? '医疗机构'}${c.hospital.id ? `（${c.hospital.id}）` : ''}`;
  return [
    '八顺位医疗费用结算单（一张清单、分别列账）',
    `结算号 ${c.id} · 患者 ${c.person.id} · ${COUNTY[c.person.county]} · ${who}`,
    `${hospital} · ${COUNTY[c.hospital.area]}${LEVEL[c.hospital.level]}${c.hospital.designated ? '定点' : '非定点'} · ${LOCATION[r.facts.location]} · ${KIND[c.visit.kind]} ${c.visit.admitted} 至 ${c.visit.discharged}`,
    `规则 ${r.policy.id}（${r.policy.version} 起）`,
  ];
}

/**
 * What the hospital bore and why, or `undefined` when nothing.
 *
 * @example
 * absorbedSentence(record) // "医院承担 400.00元：不合规费用 400.00元（7.6）。"
 */
export function absorbedSentence(r: SettlementRecord): string | undefined {
  if (r.bill.hospitalAbsorbed <= 0) return undefined;
  const parts = r.policy.absorbed.filter((a) => r.bill.absorbedBy[a.id]).map((a) => `${a.description} ${formatFen(r.bill.absorbedBy[a.id]!)}元（${a.clause}）`);
  return `医院承担 ${formatFen(r.bill.hospitalAbsorbed)}元：${parts.join('；')}。`;
}

/**
 * The closing sentence: personal pay, its share, and the target.
 *
 * @example
 * personalSentence(record) // "个人自付 0.00元，占应结算费用 0.00%；兜底目标：…，已达成。"
 */
export function personalSentence(r: SettlementRecord): string {
  const target = r.target === null ? '本次无兜底目标' : `兜底目标：个人负担不超过${formatFen(r.target.personalMax)}元，${r.target.met ? '已达成' : `未达成（差${formatFen(r.target.shortfall)}元）`}`;
  return `个人自付 ${formatFen(r.personal)}元，占应结算费用 ${formatSharePercent(r.personal, r.bill.billable)}；${target}。`;
}
