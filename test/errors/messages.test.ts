/** The message of every claim error code in each language, pinned: these are what a clerk reads. */
import { expect, it } from 'vitest';
import { ClaimErrorCode } from '../../src/errors/codes.js';
import { claimMessage } from '../../src/errors/claim-message.js';
import { CLAIM_MESSAGES_EN } from '../../src/errors/messages.en.js';
import { CLAIM_MESSAGES_ZH } from '../../src/errors/messages.zh-CN.js';
import { prettifyIssues } from '../../src/errors/issue.js';

it('every code has an English message that names the field and says what to do', () => {
  const codes = Object.values(ClaimErrorCode);
  expect(Object.keys(CLAIM_MESSAGES_EN).sort()).toEqual([...codes].sort());
  const rendered = Object.fromEntries(
    codes.map((code) => [
      code,
      [
        claimMessage(code, { path: 'items[0].amount', expected: 'X', received: 'Y', detail: 'D' }, 'en'),
        claimMessage(code, { path: '' }, 'en'),
      ],
    ]),
  );
  expect(rendered).toMatchInlineSnapshot(`
    {
      "amount_too_large": [
        "items[0].amount is beyond the largest amount accepted (10^12 yuan): Y",
        "the claim is beyond the largest amount accepted (10^12 yuan)",
      ],
      "date_order": [
        "items[0].amount must not be after visit.discharged (D)",
        "the claim must not be after visit.discharged",
      ],
      "delivery_mode_required": [
        "items[0].amount is required for a delivery claim: "vaginal" or "cesarean"",
        "the claim is required for a delivery claim: "vaginal" or "cesarean"",
      ],
      "duplicate_claim": [
        "claim Y was already settled (D); a claim id is settled once: check the id, or start from a ledger without it",
        "claim  was already settled; a claim id is settled once: check the id, or start from a ledger without it",
      ],
      "duplicate_field": [
        "items[0].amount is written twice; JSON would keep only the last value, so the claim is refused",
        "the claim is written twice; JSON would keep only the last value, so the claim is refused",
      ],
      "empty_items": [
        "items[0].amount must list at least one item of the bill",
        "the claim must list at least one item of the bill",
      ],
      "empty_string": [
        "items[0].amount must not be empty",
        "the claim must not be empty",
      ],
      "forbidden": [
        "a key of the role Y may not use D; it needs one of: X",
        "a key of the role  may not use this route; it needs one of: admin",
      ],
      "input_too_large": [
        "the claim is Y, beyond the D a claim may take; split or check the input",
        "the claim is too large, beyond the  a claim may take; split or check the input",
      ],
      "internal_error": [
        "the service failed to answer (D); send the request again: settling and reversing are idempotent",
        "the service failed to answer; send the request again: settling and reversing are idempotent",
      ],
      "invalid_amount": [
        "items[0].amount must be a non-negative amount in yuan with at most two decimals, as a string ("1234.50") or a number, not Y",
        "the claim must be a non-negative amount in yuan with at most two decimals, as a string ("1234.50") or a number",
      ],
      "invalid_csv": [
        "the input is not valid CSV (D); a cell that holds a comma, a quote or a line break must be quoted "…", its quotes doubled",
        "the input is not valid CSV; a cell that holds a comma, a quote or a line break must be quoted "…", its quotes doubled",
      ],
      "invalid_date": [
        "items[0].amount must be a calendar date written YYYY-MM-DD, not Y",
        "the claim must be a calendar date written YYYY-MM-DD",
      ],
      "invalid_enum": [
        "items[0].amount must be one of X, not Y (D)",
        "the claim must be one of (see the claim format)",
      ],
      "invalid_id": [
        "items[0].amount holds a control character or a lone surrogate (D); an id is printable text",
        "the claim holds a control character or a lone surrogate; an id is printable text",
      ],
      "invalid_json": [
        "the input is not valid JSON (D); send X",
        "the input is not valid JSON; send one claim object, or one per line",
      ],
      "invalid_parameter": [
        "items[0].amount must be X, not Y",
        "the claim must be another value",
      ],
      "invalid_type": [
        "items[0].amount must be X, not Y",
        "the claim must be of another type",
      ],
      "invalid_utf8": [
        "the input is not valid UTF-8 (D); send UTF-8 text",
        "the input is not valid UTF-8; send UTF-8 text",
      ],
      "ledger_invalid": [
        "the year-to-date ledger passed in is not a ledger at items[0].amount (D); pass the year ledger settle() handed back beside its settlement (r.ledger), an entry of a --ledger-out file, or one read with parseYearLedgerJson",
        "the year-to-date ledger passed in is not a ledger at its root; pass the year ledger settle() handed back beside its settlement (r.ledger), an entry of a --ledger-out file, or one read with parseYearLedgerJson",
      ],
      "ledger_mismatch": [
        "the year-to-date ledger passed in is not this claim's person and year (D)",
        "the year-to-date ledger passed in is not this claim's person and year",
      ],
      "ledger_overflow": [
        "the amounts of this claim (items[0].amount), added to what the person-year's earlier claims count (D), would pass 2^53 fen (about 9 × 10^13 yuan), beyond which amounts are not exact; the claim is refused, the others are settled: check its amounts",
        "the amounts of this claim (items), added to what the person-year's earlier claims count, would pass 2^53 fen (about 9 × 10^13 yuan), beyond which amounts are not exact; the claim is refused, the others are settled: check its amounts",
      ],
      "method_not_allowed": [
        "Y is not a method of items[0].amount; allowed: X",
        "this method is not a method of this path; allowed: ",
      ],
      "missing_claim": [
        "claim Y of the person-year's ledger is not among the claims given (D); give every settled claim of the year: nothing was reversed",
        "claim  of the person-year's ledger is not among the claims given; give every settled claim of the year: nothing was reversed",
      ],
      "missing_field": [
        "items[0].amount is required (X)",
        "the claim is required",
      ],
      "mixed_person_year": [
        "the claims to re-settle must all be of one person and one year (D)",
        "the claims to re-settle must all be of one person and one year",
      ],
      "no_rules_for_date": [
        "no rule set is in force on Y; available: D",
        "no rule set is in force on this date",
      ],
      "not_an_object": [
        "items[0].amount must be a JSON object, not Y",
        "the claim must be a JSON object",
      ],
      "not_found": [
        "nothing is stored under items[0].amount Y (D)",
        "nothing is stored under the claim ",
      ],
      "not_settled": [
        "claim Y is not among the settled claims of its person-year (D); nothing was reversed",
        "claim  is not among the settled claims of its person-year; nothing was reversed",
      ],
      "too_long": [
        "items[0].amount is too long (D)",
        "the claim is too long",
      ],
      "unauthorized": [
        "a valid API key is required (D): send the header Authorization: Bearer <key> (bashunwei keys create)",
        "a valid API key is required: send the header Authorization: Bearer <key> (bashunwei keys create)",
      ],
      "unavailable": [
        "the service cannot answer now (D); send the request again shortly",
        "the service cannot answer now; send the request again shortly",
      ],
      "unknown_field": [
        "items[0].amount is not a field of the claim contract; remove it or check its spelling",
        "the claim is not a field of the claim contract; remove it or check its spelling",
      ],
      "unknown_route": [
        "there is no route Y; the routes are listed in /openapi.json",
        "there is no route ; the routes are listed in /openapi.json",
      ],
      "unsupported_media_type": [
        "the body must be sent as X, not Y",
        "the body must be sent as application/json",
      ],
      "unvalidated_claim": [
        "items[0].amount did not come from parseClaim or parseClaimText (a plain object, JSON.parse output or a copy of a validated claim, whose amounts could be yuan or fen); validate it with parseClaim first, or settle its JSON with settle()",
        "the claim did not come from parseClaim or parseClaimText (a plain object, JSON.parse output or a copy of a validated claim, whose amounts could be yuan or fen); validate it with parseClaim first, or settle its JSON with settle()",
      ],
    }
  `);
});

it('prettifies claim and rule issues for people', () => {
  expect(
    prettifyIssues([
      { code: 'missing_field', path: 'visit.kind', message: 'visit.kind is required' },
      { code: 'missing_field', path: '', message: 'x' },
      { code: 'rule_invalid', file: 'persons.json', path: 'protected', message: 'bad' },
      { code: 'rule_file_missing', file: 'bill.json', path: '', message: 'missing' },
    ]),
  ).toBe(
    '✖ visit.kind is required\n  → at visit.kind (missing_field)\n✖ x\n  → at (claim) (missing_field)\n✖ bad\n  → at persons.json protected (rule_invalid)\n✖ missing\n  → at bill.json (rule_file_missing)',
  );
});

it('every code has a Chinese message (the default) that names the field and says what to do', () => {
  const codes = Object.values(ClaimErrorCode);
  expect(Object.keys(CLAIM_MESSAGES_ZH).sort()).toEqual([...codes].sort());
  for (const code of codes) {
    const m = claimMessage(code, { path: 'items[0].amount', expected: 'X', received: 'Y', detail: 'D' });
    expect(m, code).toBe(
      CLAIM_MESSAGES_ZH[code]({ path: 'items[0].amount', expected: 'X', received: 'Y', detail: 'D' }),
    );
    expect(m, code).toMatch(/[\u4e00-\u9fff]/);
    expect(m, code).not.toBe(
      claimMessage(code, { path: 'items[0].amount', expected: 'X', received: 'Y', detail: 'D' }, 'en'),
    );
  }
  const rendered = Object.fromEntries(
    codes.map((code) => [
      code,
      claimMessage(code, { path: 'items[0].amount', expected: 'X', received: 'Y', detail: 'D' }),
    ]),
  );
  expect(rendered).toMatchInlineSnapshot(`
    {
      "amount_too_large": "字段 items[0].amount 超过允许的最大金额（10^12 元）：Y",
      "date_order": "字段 items[0].amount 不能晚于出院日期 visit.discharged（D）",
      "delivery_mode_required": "分娩的报销申请必须填写字段 items[0].amount："vaginal"（顺产）或 "cesarean"（剖宫产）",
      "duplicate_claim": "报销申请 Y 已经结算过（D）；同一申请编号只结算一次：请核对编号，或从不含该申请的台账开始",
      "duplicate_field": "字段 items[0].amount 写了两次；JSON 只会保留后一个值，因此拒绝此报销申请",
      "empty_items": "字段 items[0].amount 至少应列出一项费用明细",
      "empty_string": "字段 items[0].amount 不能为空",
      "forbidden": "Y 角色的密钥无权使用 D；需要以下角色之一：X",
      "input_too_large": "输入的报销申请大小为 Y，超过允许的 D；请拆分或检查输入",
      "internal_error": "服务未能应答（D）；请重发请求：结算与冲正都可安全重发",
      "invalid_amount": "字段 items[0].amount 应为以元为单位、最多两位小数的非负金额，可写成字符串（"1234.50"）或数字，收到的是 Y",
      "invalid_csv": "输入不是有效的 CSV（D）；含逗号、引号或换行的单元格须整体用双引号括起，其中的引号写两次",
      "invalid_date": "字段 items[0].amount 应为 YYYY-MM-DD 格式的日历日期，收到的是 Y",
      "invalid_enum": "字段 items[0].amount 应为以下之一：X，收到的是 Y（D）",
      "invalid_id": "字段 items[0].amount 含有控制字符或不成对的代理项（D），编号须为可打印文字",
      "invalid_json": "输入不是有效的 JSON（D）；请发送X",
      "invalid_parameter": "字段 items[0].amount 应为 X，收到的是 Y",
      "invalid_type": "字段 items[0].amount 应为 X，收到的是 Y",
      "invalid_utf8": "输入不是有效的 UTF-8 文本（D）；请以 UTF-8 编码发送",
      "ledger_invalid": "传入的年度累计台账不是有效的台账，位置 items[0].amount（D）；请传入 settle() 与结算结果一同返回的年度台账（r.ledger）、--ledger-out 文件中的条目，或用 parseYearLedgerJson 读取的台账",
      "ledger_mismatch": "传入的年度累计台账不属于本报销申请的患者和年度（D）",
      "ledger_overflow": "该报销申请的金额（items[0].amount）与该患者本年度此前已结算的金额（D）合计将超过 2^53 分（约 90 万亿元），超出精确计算的范围；该申请不予结算，其余照常结算：请核对金额",
      "method_not_allowed": "路径 items[0].amount 不接受 Y 方法；可用：X",
      "missing_claim": "该患者本年度台账中的报销申请 Y 不在给出的报销申请中（D）；请给出本年度全部已结算的报销申请：未做任何冲正",
      "missing_field": "缺少字段 items[0].amount（应为 X）",
      "mixed_person_year": "重新结算的报销申请必须属于同一患者、同一年度（D）",
      "no_rules_for_date": "Y 没有生效的政策规则；现有规则：D",
      "not_an_object": "字段 items[0].amount 必须是 JSON 对象，收到的是 Y",
      "not_found": "字段 items[0].amount Y 下没有任何记录（D）",
      "not_settled": "报销申请 Y 不在该患者本年度已结算的报销申请中（D）；未做任何冲正",
      "too_long": "字段 items[0].amount 过长（D）",
      "unauthorized": "需要有效的 API 密钥（D）：请在请求头写 Authorization: Bearer <密钥>（由 bashunwei keys create 创建）",
      "unavailable": "服务暂时无法应答（D）；请稍后重发请求",
      "unknown_field": "字段 items[0].amount 不是报销申请约定的字段；请删除或检查拼写",
      "unknown_route": "没有路由 Y；全部路由见 /openapi.json",
      "unsupported_media_type": "请求体应以 X 发送，收到的是 Y",
      "unvalidated_claim": "字段 items[0].amount 不是 parseClaim 或 parseClaimText 返回的（普通对象、JSON.parse 的结果或已校验申请的副本，其金额无法区分元与分）；请先用 parseClaim 校验，或用 settle() 结算其 JSON",
    }
  `);
});
