/**
 * English messages for claim errors, one entry per code: the only place their wording lives.
 * Each message names the field and says what would be accepted, so the sender can fix it.
 */
import type { ClaimErrorCode } from './codes.js';
import type { JsonSyntaxProblem } from './json-syntax.js';

/** What a message may mention about the problem. */
export interface MessageParams {
  readonly path: string;
  readonly expected?: string;
  readonly received?: string;
  readonly detail?: string;
  /**
   * What the message is about when it is neither a field of the claim nor the claim itself (the
   * service's `invalid_parameter`: "the body of a reversal request", "the request").
   */
  readonly subject?: string;
  /**
   * What the sender can do, where the message's own advice does not fit (the service's
   * `duplicate_claim`: a client of HTTP has no ledger to start from).
   */
  readonly advice?: string;
}

const field = (p: MessageParams): string => (p.path === '' ? 'the claim' : p.path);

/** The English message for each claim error code. */
export const CLAIM_MESSAGES_EN: Readonly<Record<ClaimErrorCode, (p: MessageParams) => string>> = {
  invalid_json: (p) =>
    `the input is not valid JSON${p.detail ? ` (${p.detail})` : ''}; send ${p.expected ?? 'one claim object, or one per line'}`,
  invalid_csv: (p) =>
    `the input is not valid CSV${p.detail ? ` (${p.detail})` : ''}; a cell that holds a comma, a quote or a line break must be quoted "…", its quotes doubled`,
  not_an_object: (p) => `${field(p)} must be a JSON object${p.received ? `, not ${p.received}` : ''}`,
  missing_field: (p) => `${field(p)} is required${p.expected ? ` (${p.expected})` : ''}`,
  invalid_type: (p) =>
    `${field(p)} must be ${p.expected ?? 'of another type'}${p.received ? `, not ${p.received}` : ''}`,
  duplicate_field: (p) => `${field(p)} is written twice; JSON would keep only the last value, so the claim is refused`,
  invalid_utf8: (p) => `the input is not valid UTF-8${p.detail ? ` (${p.detail})` : ''}; send UTF-8 text`,
  input_too_large: (p) =>
    `the claim is ${p.received ?? 'too large'}, beyond the ${p.detail ?? ''} a claim may take; split or check the input`,
  invalid_id: (p) =>
    `${field(p)} holds a control character or a lone surrogate${p.detail ? ` (${p.detail})` : ''}; an id is printable text`,
  too_long: (p) => `${field(p)} is too long${p.detail ? ` (${p.detail})` : ''}`,
  unknown_field: (p) => `${field(p)} is not a field of the claim contract; remove it or check its spelling`,
  invalid_enum: (p) =>
    `${field(p)} must be one of ${p.expected ?? '(see the claim format)'}${p.received ? `, not ${p.received}` : ''}${p.detail ? ` (${p.detail})` : ''}`,
  empty_string: (p) => `${field(p)} must not be empty`,
  invalid_amount: (p) =>
    `${field(p)} must be a non-negative amount in yuan with at most two decimals, as a string ("1234.50") or a number${p.received ? `, not ${p.received}` : ''}`,
  amount_too_large: (p) =>
    `${field(p)} is beyond the largest amount accepted (10^12 yuan)${p.received ? `: ${p.received}` : ''}`,
  invalid_date: (p) =>
    `${field(p)} must be a calendar date written YYYY-MM-DD${p.received ? `, not ${p.received}` : ''}`,
  date_order: (p) => `${field(p)} must not be after visit.discharged${p.detail ? ` (${p.detail})` : ''}`,
  empty_items: (p) => `${field(p)} must list at least one item of the bill`,
  delivery_mode_required: (p) => `${field(p)} is required for a delivery claim: "vaginal" or "cesarean"`,
  duplicate_claim: (p) =>
    `claim ${p.received ?? ''} was already settled${p.detail ? ` (${p.detail})` : ''}; a claim id is settled once: ${p.advice ?? 'check the id, or start from a ledger without it'}`,
  ledger_overflow: (p) =>
    `the amounts of this claim (${p.path === '' ? 'items' : p.path}), added to what the person-year's earlier claims count${p.detail ? ` (${p.detail})` : ''}, would pass 2^53 fen (about 9 × 10^13 yuan), beyond which amounts are not exact; the claim is refused, the others are settled: check its amounts`,
  no_rules_for_date: (p) =>
    `no rule set is in force on ${p.received ?? 'this date'}${p.detail ? `; available: ${p.detail}` : ''}`,
  not_settled: (p) =>
    `claim ${p.received ?? ''} is not among the settled claims of its person-year${p.detail ? ` (${p.detail})` : ''}; nothing was reversed`,
  mixed_person_year: (p) =>
    `the claims to re-settle must all be of one person and one year${p.detail ? ` (${p.detail})` : ''}`,
  missing_claim: (p) =>
    `claim ${p.received ?? ''} of the person-year's ledger is not among the claims given${p.detail ? ` (${p.detail})` : ''}; give every settled claim of the year: nothing was reversed`,
  unvalidated_claim: (p) =>
    `${field(p)} did not come from parseClaim or parseClaimText (a plain object, JSON.parse output or a copy of a validated claim, whose amounts could be yuan or fen); validate it with parseClaim first, or settle its JSON with settle()`,
  ledger_invalid: (p) =>
    `the year-to-date ledger passed in is not a ledger at ${p.path || 'its root'}${p.detail ? ` (${p.detail})` : ''}; pass the year ledger settle() handed back beside its settlement (r.ledger), an entry of a --ledger-out file, or one read with parseYearLedgerJson`,
  ledger_mismatch: (p) =>
    `the year-to-date ledger passed in is not this claim's person and year${p.detail ? ` (${p.detail})` : ''}`,
  unauthorized: (p) =>
    `a valid API key is required${p.detail ? ` (${p.detail})` : ''}: send the header Authorization: Bearer <key> (bashunwei keys create)`,
  forbidden: (p) =>
    `a key of the role ${p.received ?? ''} may not use ${p.detail ?? 'this route'}; it needs one of: ${p.expected ?? 'admin'}`,
  not_found: (p) => `nothing is stored under ${field(p)} ${p.received ?? ''}${p.detail ? ` (${p.detail})` : ''}`,
  unknown_route: (p) => `there is no route ${p.received ?? ''}; the routes are listed in /openapi.json`,
  method_not_allowed: (p) =>
    `${p.received ?? 'this method'} is not a method of ${p.path || 'this path'}; allowed: ${p.expected ?? ''}`,
  unsupported_media_type: (p) =>
    `the body must be sent as ${p.expected ?? 'application/json'}${p.received ? `, not ${p.received}` : ''}`,
  invalid_parameter: (p) =>
    `${p.subject ?? field(p)} must be ${p.expected ?? 'another value'}${p.received ? `, not ${p.received}` : ''}`,
  unavailable: (p) =>
    `the service cannot answer now${p.detail ? ` (${p.detail})` : ''}; send the request again shortly`,
  internal_error: (p) =>
    `the service failed to answer${p.detail ? ` (${p.detail})` : ''}; send the request again: settling and reversing are idempotent`,
};

/** What is wrong with a text that is not JSON (the detail of `invalid_json`), in English. */
export const JSON_PROBLEMS_EN: Readonly<Record<JsonSyntaxProblem, string>> = {
  unexpected_end: 'the input ends before the JSON does',
  unexpected_character: 'a character that cannot start a value',
  expected_key: 'a key in double quotes was expected',
  expected_colon: 'a colon was expected after the key',
  expected_comma: 'a comma or the closing bracket was expected',
  unterminated_string: 'a string is not closed',
  control_character: 'a line break or control character inside a string',
  bad_escape: 'an invalid backslash escape',
  bad_number: 'an invalid number',
  text_after_end: 'more text after the end of the JSON value',
};
