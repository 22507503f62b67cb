/**
 * What the cashier's statement says, whatever it is printed on (the terminal's text, the printable
 * HTML): the labels, the payer columns, the amounts of a row, the heading lines and the closing
 * sentences. One place, so the text and the HTML statement can never disagree.
 */
import { CONTRACT_LABELS } from '../claim/enums.js';
import { type Fen, formatFen } from '../money/fen.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import { formatSharePercent } from './settlement-json.js';

const zh = (list: string, value: string): string => CONTRACT_LABELS[list]?.[value]?.zh ?? value;

/** A payer column: the tier id and its short name. */
export interface PayerColumn {
  readonly id: string;
  readonly short: string;
}

/**
 * The payers that appear in any of the records, in the order their lines come (records of
 * several rule sets: each rule set's order, the later ones' new payers after).
 *
 * @example
 * payerColumns([record]).map((c) => c.id) // ["hospital-waiver", "basic-insurance", …]
 */
export function payerColumns(records: readonly SettlementRecord[]): PayerColumn[] {
  const columns = new Map<string, PayerColumn>();
  for (const r of records)
    for (const l of r.lines) if (!columns.has(l.id)) columns.set(l.id, { id: l.id, short: l.short });
  return [...columns.values()];
}

/**
 * A claim's amounts in the statement's columns (total, hospital, each payer, personal);
 * `undefined` where a payer has no line (tier 0).
 *
 * @example
 * statementAmounts(record, payerColumns([record]))
 */
export function statementAmounts(r: SettlementRecord, columns: readonly PayerColumn[]): (Fen | undefined)[] {
  return [
    r.bill.total,
    r.bill.hospitalAbsorbed,
    ...columns.map((c) => r.lines.find((x) => x.id === c.id)?.amount),
    r.personal,
  ];
}

/**
 * The column headers: total, hospital, each payer's short name, personal.
 *
 * @example
 * statementHeader([{ id: 'basic-insurance', short: '基本医保' }]) // ["总费用", "医院承担", "基本医保", "个人自付"]
 */
export function statementHeader(columns: readonly PayerColumn[]): string[] {
  return ['总费用', '医院承担', ...columns.map((c) => c.short), '个人自付'];
}

/**
 * The title and the lines that say whose claim, where, when and under which rules.
 *
 * @example
 * statementHeadings(record)[0] // "医疗费用结算单（一张清单、分别列账）"
 */
export function statementHeadings(r: SettlementRecord): string[] {
  const c = r.claim;
  const s = r.policy.scheme;
  const who = `${s.categories.get(c.person.category)?.label ?? c.person.category}${c.person.illnessInduced ? '（因病致贫）' : ''}`;
  const hospital = `${c.hospital.name ?? '医疗机构'}${c.hospital.id ? `（${c.hospital.id}）` : ''}`;
  return [
    '医疗费用结算单（一张清单、分别列账）',
    `结算号 ${c.id} · 患者 ${c.person.id} · ${s.counties.get(c.person.county)?.label ?? c.person.county} · ${who}`,
    `${hospital} · ${s.areas.get(c.hospital.area)?.label ?? c.hospital.area}${zh('hospitalLevel', c.hospital.level)}${c.hospital.designated ? '定点' : '非定点'} · ${zh('location', r.facts.location)} · ${zh('visitKind', c.visit.kind)} ${c.visit.admitted} 至 ${c.visit.discharged}`,
    `规则 ${r.policy.id}（${r.policy.version} 起）：${r.policy.title}`,
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
  const parts = r.policy.absorbed
    .filter((a) => r.bill.absorbedBy[a.id])
    .map((a) => `${a.description} ${formatFen(r.bill.absorbedBy[a.id]!)}元（${a.clause}）`);
  return `医院承担 ${formatFen(r.bill.hospitalAbsorbed)}元：${parts.join('；')}。`;
}

/**
 * The closing sentence: personal pay, its share, and the target.
 *
 * @example
 * personalSentence(record) // "个人自付 0.00元，占应结算费用 0.00%；兜底目标：…，已达成。"
 */
export function personalSentence(r: SettlementRecord): string {
  const target =
    r.target === null
      ? '本次无兜底目标'
      : `兜底目标：个人负担不超过${formatFen(r.target.personalMax)}元，${r.target.met ? '已达成' : `未达成（差${formatFen(r.target.shortfall)}元）`}`;
  return `个人自付 ${formatFen(r.personal)}元，占应结算费用 ${formatSharePercent(r.personal, r.bill.billable)}；${target}。`;
}
