/**
 * Chinese messages for claim errors, one entry per code: the only place their wording lives.
 * Like the English table, each names the field and says what would be accepted.
 *
 * Words: the claim a hospital sends is the 报销申请 (its id the 申请编号); 结算单 is only the
 * statement we print after settling (statement-parts.ts), never the input.
 */
import type { ClaimErrorCode } from './codes.js';
import type { JsonSyntaxProblem } from './json-syntax.js';
import type { MessageParams } from './messages.en.js';

/** The field's name, or the claim itself for the empty path. */
const field = (p: MessageParams): string => (p.path === '' ? '报销申请' : `字段 ${p.path}`);
/** The same, followed by Chinese text (a space after a Latin path, none after Chinese). */
const fieldThen = (p: MessageParams): string => (p.path === '' ? '报销申请' : `字段 ${p.path} `);
const got = (p: MessageParams): string => (p.received ? `，收到的是 ${p.received}` : '');
const detail = (p: MessageParams): string => (p.detail ? `（${p.detail}）` : '');

/** The Chinese message for each claim error code. */
export const CLAIM_MESSAGES_ZH: Readonly<Record<ClaimErrorCode, (p: MessageParams) => string>> = {
  invalid_json: (p) =>
    `输入不是有效的 JSON${detail(p)}；请发送${p.expected ?? '一个报销申请的 JSON 对象，或每行一个（NDJSON）'}`,
  invalid_csv: (p) => `输入不是有效的 CSV${detail(p)}；含逗号、引号或换行的单元格须整体用双引号括起，其中的引号写两次`,
  not_an_object: (p) => `${fieldThen(p)}必须是 JSON 对象${got(p)}`,
  missing_field: (p) => `缺少${field(p)}${p.expected ? `（应为 ${p.expected}）` : ''}`,
  invalid_type: (p) => `${fieldThen(p)}应为 ${p.expected ?? '其他类型'}${got(p)}`,
  duplicate_field: (p) => `${fieldThen(p)}写了两次；JSON 只会保留后一个值，因此拒绝此报销申请`,
  invalid_utf8: (p) => `输入不是有效的 UTF-8 文本${detail(p)}；请以 UTF-8 编码发送`,
  input_too_large: (p) =>
    `输入的报销申请${p.received ? `大小为 ${p.received}，` : '过大，'}超过允许的 ${p.detail ?? ''}；请拆分或检查输入`,
  invalid_id: (p) => `${fieldThen(p)}含有控制字符或不成对的代理项${detail(p)}，编号须为可打印文字`,
  too_long: (p) => `${fieldThen(p)}过长${detail(p)}`,
  unknown_field: (p) => `${fieldThen(p)}不是报销申请约定的字段；请删除或检查拼写`,
  invalid_enum: (p) =>
    `${fieldThen(p)}应为以下之一：${p.expected ?? '（见输入格式说明 docs/claim.md）'}${got(p)}${detail(p)}`,
  empty_string: (p) => `${fieldThen(p)}不能为空`,
  invalid_amount: (p) =>
    `${fieldThen(p)}应为以元为单位、最多两位小数的非负金额，可写成字符串（"1234.50"）或数字${got(p)}`,
  amount_too_large: (p) => `${fieldThen(p)}超过允许的最大金额（10^12 元）${p.received ? `：${p.received}` : ''}`,
  invalid_date: (p) => `${fieldThen(p)}应为 YYYY-MM-DD 格式的日历日期${got(p)}`,
  date_order: (p) => `${fieldThen(p)}不能晚于出院日期 visit.discharged${detail(p)}`,
  empty_items: (p) => `${fieldThen(p)}至少应列出一项费用明细`,
  delivery_mode_required: (p) => `分娩的报销申请必须填写${field(p)}："vaginal"（顺产）或 "cesarean"（剖宫产）`,
  duplicate_claim: (p) =>
    `报销申请 ${p.received ?? ''} 已经结算过${detail(p)}；同一申请编号只结算一次：${p.advice ?? '请核对编号，或从不含该申请的台账开始'}`,
  ledger_overflow: (p) =>
    `该报销申请的金额（${p.path === '' ? 'items' : p.path}）与该患者本年度此前已结算的金额${detail(p)}合计将超过 2^53 分（约 90 万亿元），超出精确计算的范围；该申请不予结算，其余照常结算：请核对金额`,
  no_rules_for_date: (p) => `${p.received ?? '该日期'} 没有生效的政策规则${p.detail ? `；现有规则：${p.detail}` : ''}`,
  not_settled: (p) => `报销申请 ${p.received ?? ''} 不在该患者本年度已结算的报销申请中${detail(p)}；未做任何冲正`,
  mixed_person_year: (p) => `重新结算的报销申请必须属于同一患者、同一年度${detail(p)}`,
  missing_claim: (p) =>
    `该患者本年度台账中的报销申请 ${p.received ?? ''} 不在给出的报销申请中${detail(p)}；请给出本年度全部已结算的报销申请：未做任何冲正`,
  unvalidated_claim: (p) =>
    `${fieldThen(p)}不是 parseClaim 或 parseClaimText 返回的（普通对象、JSON.parse 的结果或已校验申请的副本，其金额无法区分元与分）；请先用 parseClaim 校验，或用 settle() 结算其 JSON`,
  ledger_invalid: (p) =>
    `传入的年度累计台账不是有效的台账，位置 ${p.path || '（整体）'}${detail(p)}；请传入 settle() 与结算结果一同返回的年度台账（r.ledger）、--ledger-out 文件中的条目，或用 parseYearLedgerJson 读取的台账`,
  ledger_mismatch: (p) => `传入的年度累计台账不属于本报销申请的患者和年度${detail(p)}`,
  unauthorized: (p) =>
    `需要有效的 API 密钥${detail(p)}：请在请求头写 Authorization: Bearer <密钥>（由 bashunwei keys create 创建）`,
  forbidden: (p) =>
    `${p.received ?? ''} 角色的密钥无权使用 ${p.detail ?? '此路由'}；需要以下角色之一：${p.expected ?? 'admin'}`,
  not_found: (p) => `${fieldThen(p)}${p.received ?? ''} 下没有任何记录${detail(p)}`,
  unknown_route: (p) => `没有路由 ${p.received ?? ''}；全部路由见 /openapi.json`,
  method_not_allowed: (p) => `路径 ${p.path || '此路径'} 不接受 ${p.received ?? '此'} 方法；可用：${p.expected ?? ''}`,
  unsupported_media_type: (p) => `请求体应以 ${p.expected ?? 'application/json'} 发送${got(p)}`,
  invalid_parameter: (p) => `${p.subject ?? fieldThen(p)}应为 ${p.expected ?? '其他值'}${got(p)}`,
  unavailable: (p) => `服务暂时无法应答${detail(p)}；请稍后重发请求`,
  internal_error: (p) => `服务未能应答${detail(p)}；请重发请求：结算与冲正都可安全重发`,
};

/** What is wrong with a text that is not JSON (the detail of `invalid_json`), in Chinese. */
export const JSON_PROBLEMS_ZH: Readonly<Record<JsonSyntaxProblem, string>> = {
  unexpected_end: 'JSON 尚未结束，输入就结束了',
  unexpected_character: '此处的字符不能作为值的开头',
  expected_key: '此处应为双引号括起的字段名',
  expected_colon: '字段名后应为冒号',
  expected_comma: '此处应为逗号或右括号',
  unterminated_string: '字符串缺少闭合的引号',
  control_character: '字符串中有换行或控制字符',
  bad_escape: '反斜杠转义无效',
  bad_number: '数字格式无效',
  text_after_end: 'JSON 值结束后还有多余内容',
};
