/**
 * Chinese messages for claim errors, one entry per code: the only place their wording lives.
 * Like the English table, each names the field and says what would be accepted.
 */
import type { ClaimErrorCode } from './codes.js';
import type { MessageParams } from './messages.en.js';

const field = (p: MessageParams): string => (p.path === '' ? '结算单' : `字段 ${p.path} `);
const got = (p: MessageParams): string => (p.received ? `，收到的是 ${p.received}` : '');

/** The Chinese message for each claim error code. */
export const CLAIM_MESSAGES_ZH: Readonly<Record<ClaimErrorCode, (p: MessageParams) => string>> = {
  invalid_json: (p) => `输入不是有效的 JSON${p.detail ? `（${p.detail}）` : ''}；请发送一个结算单对象，或每行一个`,
  not_an_object: (p) => `${field(p)}必须是 JSON 对象${got(p)}`,
  missing_field: (p) => `缺少${field(p)}${p.expected ? `（应为 ${p.expected}）` : ''}`,
  invalid_type: (p) => `${field(p)}应为 ${p.expected ?? '其他类型'}${got(p)}`,
  duplicate_field: (p) => `${field(p)}写了两次；JSON 只会保留后一个值，因此拒绝此结算单`,
  invalid_utf8: (p) => `输入不是有效的 UTF-8 文本${p.detail ? `（${p.detail}）` : ''}；请以 UTF-8 编码发送`,
  input_too_large: (p) => `结算单大小为 ${p.received ?? '过大'}，超过允许的 ${p.detail ?? ''}；请拆分或检查输入`,
  too_long: (p) => `${field(p)}过长${p.detail ? `（${p.detail}）` : ''}`,
  unknown_field: (p) => `${field(p)}不是结算单约定的字段；请删除或检查拼写`,
  invalid_enum: (p) => `${field(p)}应为以下之一：${p.expected ?? '（见 CONTRACT.md）'}${got(p)}`,
  empty_string: (p) => `${field(p)}不能为空`,
  invalid_amount: (p) => `${field(p)}应为以元为单位、最多两位小数的非负金额，可写成字符串（"1234.50"）或数字${got(p)}`,
  amount_too_large: (p) => `${field(p)}超过允许的最大金额（10^12 元）${p.received ? `：${p.received}` : ''}`,
  invalid_date: (p) => `${field(p)}应为 YYYY-MM-DD 格式的日历日期${got(p)}`,
  date_order: (p) => `${field(p)}不能晚于出院日期 visit.discharged${p.detail ? `（${p.detail}）` : ''}`,
  empty_items: (p) => `${field(p)}至少应列出一项费用明细`,
  delivery_mode_required: (p) => `分娩结算单必须填写${field(p)}："vaginal"（顺产）或 "cesarean"（剖宫产）`,
  duplicate_claim: (p) => `结算单 ${p.received ?? ''} 已经结算过${p.detail ? `（${p.detail}）` : ''}；同一结算单号只结算一次：请核对单号，或从不含该单的台账开始`,
  ledger_overflow: (p) =>
    `该结算单的金额（${p.path === '' ? 'items' : p.path}）与该患者本年度此前已结算的金额${p.detail ? `（${p.detail}）` : ''}合计将超过 2^53 分（约 90 万亿元），超出精确计算的范围；该单不予结算，其余照常结算：请核对金额`,
  no_rules_for_date: (p) => `${p.received ?? '该日期'} 没有生效的政策规则${p.detail ? `；现有规则：${p.detail}` : ''}`,
  not_settled: (p) => `结算单 ${p.received ?? ''} 不在该患者本年度已结算的结算单中${p.detail ? `（${p.detail}）` : ''}；未做任何冲正`,
  mixed_person_year: (p) => `重新结算的结算单必须属于同一患者、同一年度${p.detail ? `（${p.detail}）` : ''}`,
  ledger_mismatch: (p) => `传入的年度累计台账不属于本结算单的患者和年度${p.detail ? `（${p.detail}）` : ''}`,
};
