/**
 * The closed set of error codes. Codes are stable: callers branch on them, tests pin them, and a
 * new failure gets a new code rather than a new meaning for an old one.
 */
export const ClaimErrorCode = {
  /** The text is not JSON. */
  INVALID_JSON: 'invalid_json',
  /** A CSV record that RFC 4180 cannot read (a stray or unclosed quote). */
  INVALID_CSV: 'invalid_csv',
  /** The JSON is not an object where a claim (or a part of it) must be one. */
  NOT_AN_OBJECT: 'not_an_object',
  /** A required field is absent. */
  MISSING_FIELD: 'missing_field',
  /** A field has the wrong JSON type. */
  INVALID_TYPE: 'invalid_type',
  /** A key written twice in one object (JSON keeps the last silently; we refuse). */
  DUPLICATE_FIELD: 'duplicate_field',
  /** Text that is not valid UTF-8. */
  INVALID_UTF8: 'invalid_utf8',
  /** A claim line (or document) longer than the reader accepts. */
  INPUT_TOO_LARGE: 'input_too_large',
  /** A string or list beyond the sizes the contract accepts (ids, names, item lists). */
  TOO_LONG: 'too_long',
  /** A field the contract does not know (a misspelt `compliant` must not default to true). */
  UNKNOWN_FIELD: 'unknown_field',
  /** A value outside its closed list (`county`, `kind`, `catalog` …). */
  INVALID_ENUM: 'invalid_enum',
  /** A string field that must not be empty is empty. */
  EMPTY_STRING: 'empty_string',
  /**
   * An id (claim, person, hospital) holding a control character (U+0000–U+001F, U+007F) or a lone
   * surrogate: such ids are stored and compared as other ids, or not at all, by databases and URLs.
   */
  INVALID_ID: 'invalid_id',
  /** An amount that is not a non-negative number with at most two decimals. */
  INVALID_AMOUNT: 'invalid_amount',
  /** A well-formed amount (or the claim's total) beyond 10^12 yuan, however many digits it has. */
  AMOUNT_TOO_LARGE: 'amount_too_large',
  /** A date that is not a real `YYYY-MM-DD` calendar date. */
  INVALID_DATE: 'invalid_date',
  /** `admitted` after `discharged`. */
  DATE_ORDER: 'date_order',
  /** A claim with no items. */
  EMPTY_ITEMS: 'empty_items',
  /** A delivery claim without `deliveryMode`. */
  DELIVERY_MODE_REQUIRED: 'delivery_mode_required',
  /** A claim id that was already settled (in the ledger or earlier in the batch). */
  DUPLICATE_CLAIM: 'duplicate_claim',
  /**
   * The claim's amounts, added to what its person-year's ledger already counts, would pass 2^53 − 1
   * fen (about 9 × 10^13 yuan), beyond which fen are no longer exact: the claim is refused, the
   * others are settled.
   */
  LEDGER_OVERFLOW: 'ledger_overflow',
  /** No rule set is in force on the discharge date. */
  NO_RULES_FOR_DATE: 'no_rules_for_date',
  /** The year-to-date ledger passed in belongs to another person or year. */
  LEDGER_MISMATCH: 'ledger_mismatch',
  /** The year-to-date ledger passed in is not a ledger (a counter that is not an amount, a field missing). */
  LEDGER_INVALID: 'ledger_invalid',
  /** A reversal names a claim that is not among the settled claims of its person-year. */
  NOT_SETTLED: 'not_settled',
  /** The claims of a person-year given for a reversal belong to several persons or years. */
  MIXED_PERSON_YEAR: 'mixed_person_year',
  /** A claim of the person-year's ledger is not among the claims given for a reversal. */
  MISSING_CLAIM: 'missing_claim',
  /**
   * An object given to `settleClaim` or `reverseClaim` that the claim reader did not return (plain
   * JS, `JSON.parse` output, a copy of a validated claim): as sent and as validated a claim look
   * alike, amounts in yuan and in fen included, so it is refused rather than guessed at.
   */
  UNVALIDATED_CLAIM: 'unvalidated_claim',

  // The service's own refusals (`bashunwei serve`): the same shape and the same tables, so a
  // client reads one list of codes whether the claim or the request was wrong.
  /** No API key, or a key the service does not know (401). */
  UNAUTHORIZED: 'unauthorized',
  /** The key's role does not have the right the route needs (403). */
  FORBIDDEN: 'forbidden',
  /** Nothing is stored under the id of the URL (404). */
  NOT_FOUND: 'not_found',
  /** No route at this path (404). */
  UNKNOWN_ROUTE: 'unknown_route',
  /** The path exists, the method does not (405). */
  METHOD_NOT_ALLOWED: 'method_not_allowed',
  /** A body sent with a media type the route does not read (415). */
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  /** A part of the URL or of its query that is not what the route takes (400). */
  INVALID_PARAMETER: 'invalid_parameter',
  /** The service is shutting down or its database does not answer (503). */
  UNAVAILABLE: 'unavailable',
  /** A failure of the service itself (500): the request may be sent again. */
  INTERNAL_ERROR: 'internal_error',
} as const;

/** A claim error code. */
export type ClaimErrorCode = (typeof ClaimErrorCode)[keyof typeof ClaimErrorCode];

/** The closed set of codes for problems in a rule folder or a ledger file. */
export const RuleErrorCode = {
  /** A file the rule-set format requires is absent or unreadable. */
  FILE_MISSING: 'rule_file_missing',
  /** A rule file is not JSON, or writes a key twice in one object. */
  INVALID_JSON: 'rule_invalid_json',
  /** A rule file does not match the rule-file schema (wrong type, unknown key, bad value …). */
  INVALID: 'rule_invalid',
  /** A condition names a fact that does not exist, or is not known at that point of the waterfall. */
  UNKNOWN_FACT: 'rule_unknown_fact',
  /** A condition compares a fact with a value it can never take. */
  IMPOSSIBLE_VALUE: 'rule_impossible_value',
  /** Dated values leave part of the rule set's period without a value. */
  DATE_GAP: 'rule_date_gap',
  /** A tier file that does not match its place in the order (a tier not listed, a number out of order, a carve-out after another kind). */
  TIER_ORDER: 'rule_tier_order',
  /** An assumed value is not flagged `verified: false`. */
  UNVERIFIED_FLAG: 'rule_unverified_flag',
  /** `levels` leave some hospital level at some location without a level (a row of the tables): basic insurance would pay it nothing. */
  LEVEL_GAP: 'rule_level_gap',
  /** Two rule sets of one rule book are in force on the same day. */
  OVERLAP: 'rule_overlap',
  /** A ledger file that does not match the ledger format. */
  LEDGER_INVALID: 'ledger_invalid',
  /** A reform changes a parameter the rule folder does not have. */
  UNKNOWN_PARAMETER: 'rule_unknown_parameter',
} as const;

/** A rule or ledger error code. */
export type RuleErrorCode = (typeof RuleErrorCode)[keyof typeof RuleErrorCode];
