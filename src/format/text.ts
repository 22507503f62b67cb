/**
 * The cashier's statement (一张清单、分别列账, clause 7.6): for each claim one list with a column
 * per payer, then every payer's amount with its clause and explanation; for several claims a
 * closing list with a row per claim and a totals row.
 */
import { explainLineZh } from '../explain/zh-CN.js';
import { type Fen, ZERO, add, formatFen } from '../money/fen.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import { formatSharePercent } from './settlement-json.js';

const SHORT: Readonly<Record<string, string>> = {
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
 * Display width of a string in a terminal: CJK and full-width characters take two columns.
 *
 * @example
 * displayWidth('基本医保') // 8
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

const padStart = (s: string, w: number): string => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const fmt = (r: readonly string[]): string => r.map((c, i) => padStart(c, widths[i]!)).join('  ');
  return [fmt(header), fmt(widths.map((w) => '─'.repeat(w))), ...rows.map(fmt)].join('\n');
}

/** The payers that appear in any of the records, in tier order. */
function columns(records: readonly SettlementRecord[]): string[] {
  const tiers = new Map<string, number>();
  for (const r of records) for (const l of r.lines) tiers.set(l.id, l.tier);
  return [...tiers.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** A claim's amounts in the statement's columns; `undefined` where a payer has no line (tier 0). */
function amounts(r: SettlementRecord, ids: readonly string[]): (Fen | undefined)[] {
  return [r.bill.total, r.bill.hospitalAbsorbed, ...ids.map((id) => r.lines.find((x) => x.id === id)?.amount), r.personal];
}

function row(r: SettlementRecord, ids: readonly string[]): string[] {
  return amounts(r, ids).map((a) => (a === undefined ? '—' : formatFen(a)));
}

/**
 * The statement of one settled claim.
 *
 * @example
 * console.log(formatStatement(record))
 */
export function formatStatement(r: SettlementRecord): string {
  const c = r.claim;
  const ids = columns([r]);
  const header = ['总费用', '医院承担', ...ids.map((id) => SHORT[id] ?? id), '个人自付'];
  const who = `${CATEGORY[c.person.category]}${c.person.illnessInduced ? '（因病致贫）' : ''}`;
  const hospital = `${c.hospital.name ?? '医疗机构'}${c.hospital.id ? `（${c.hospital.id}）` : ''}`;
  const out: string[] = [
    '八顺位医疗费用结算单（一张清单、分别列账）',
    `结算号 ${c.id} · 患者 ${c.person.id} · ${COUNTY[c.person.county]} · ${who}`,
    `${hospital} · ${COUNTY[c.hospital.area]}${LEVEL[c.hospital.level]}${c.hospital.designated ? '定点' : '非定点'} · ${LOCATION[r.facts.location]} · ${KIND[c.visit.kind]} ${c.visit.admitted} 至 ${c.visit.discharged}`,
    `规则 ${r.policy.id}（${r.policy.version} 起）`,
    '',
    table(header, [row(r, ids)]),
    '',
  ];
  if (r.bill.hospitalAbsorbed > 0) {
    const parts = r.policy.absorbed.filter((a) => r.bill.absorbedBy[a.id]).map((a) => `${a.description} ${formatFen(r.bill.absorbedBy[a.id]!)}元（${a.clause}）`);
    out.push(`医院承担 ${formatFen(r.bill.hospitalAbsorbed)}元：${parts.join('；')}。`);
  }
  for (const l of r.lines) out.push(`[${l.tier}] ${l.label} ${formatFen(l.amount)}元（${l.clause}）：${explainLineZh(l)}`);
  const target = r.target === null ? '本次无兜底目标' : `兜底目标：个人负担不超过${formatFen(r.target.personalMax)}元，${r.target.met ? '已达成' : `未达成（差${formatFen(r.target.shortfall)}元）`}`;
  out.push(`个人自付 ${formatFen(r.personal)}元，占应结算费用 ${formatSharePercent(r.personal, r.bill.billable)}；${target}。`);
  return out.join('\n');
}

/**
 * Statements of several claims, then one list with a row per claim, a column per payer and the
 * totals.
 *
 * @example
 * console.log(formatStatements(records))
 */
export function formatStatements(records: readonly SettlementRecord[]): string {
  if (records.length === 1) return formatStatement(records[0]!);
  const parts = records.map(formatStatement);
  if (records.length === 0) return '';
  const ids = columns(records);
  const rows = records.map((r) => [r.claim.id, ...row(r, ids)]);
  const totals: Fen[] = new Array<Fen>(ids.length + 3).fill(ZERO);
  for (const r of records) amounts(r, ids).forEach((v, i) => (totals[i] = add(totals[i]!, v ?? ZERO)));
  rows.push(['合计', ...totals.map(formatFen)]);
  const header = ['结算号', '总费用', '医院承担', ...ids.map((id) => SHORT[id] ?? id), '个人自付'];
  return [...parts, `汇总清单（${records.length}笔）\n\n${table(header, rows)}`].join('\n\n════\n\n');
}
