/**
 * A refused claim as an HL7 FHIR R4 OperationOutcome, for `settle --format fhir`: what a FHIR
 * consumer reads instead of our error line, on stderr, so that stdout holds ClaimResponses only.
 * Each problem is one `issue`: our code in `details` (system `urn:bashunwei:error`), the message as
 * its text, the field's path in `expression`, and R4's issue type chosen from the code.
 */
import type { ClaimErrorCode } from '../errors/codes.js';
import type { ClaimIssue } from '../errors/issue.js';

/** Our code system for claim error codes. */
export const ERROR_SYSTEM = 'urn:bashunwei:error';

/** R4 IssueType (http://hl7.org/fhir/issue-type) of each of our claim error codes. */
const ISSUE_TYPE: Readonly<Record<ClaimErrorCode, string>> = {
  invalid_json: 'structure',
  invalid_csv: 'structure',
  not_an_object: 'structure',
  missing_field: 'required',
  invalid_type: 'value',
  duplicate_field: 'structure',
  invalid_utf8: 'structure',
  input_too_large: 'too-long',
  too_long: 'too-long',
  unknown_field: 'structure',
  invalid_enum: 'code-invalid',
  empty_string: 'value',
  invalid_id: 'value',
  invalid_amount: 'value',
  amount_too_large: 'value',
  invalid_date: 'value',
  date_order: 'invariant',
  empty_items: 'required',
  delivery_mode_required: 'required',
  duplicate_claim: 'duplicate',
  no_rules_for_date: 'not-supported',
  ledger_mismatch: 'business-rule',
  ledger_invalid: 'invalid',
  not_settled: 'not-found',
  mixed_person_year: 'business-rule',
  missing_claim: 'business-rule',
  unvalidated_claim: 'invalid',
  ledger_overflow: 'too-costly',
  // The service's codes (never from `settle`, but a FHIR client of the service may meet them).
  unauthorized: 'login',
  forbidden: 'forbidden',
  not_found: 'not-found',
  unknown_route: 'not-supported',
  method_not_allowed: 'not-supported',
  unsupported_media_type: 'not-supported',
  invalid_parameter: 'value',
  unavailable: 'transient',
  internal_error: 'exception',
};

/**
 * The OperationOutcome of a refused claim: where it was in the input (its line, and its id when
 * known) in each issue's `diagnostics`.
 *
 * @example
 * operationOutcome([{ code: 'empty_items', path: 'items', message: '…' }], { line: 2, claimId: 'C1' })
 */
export function operationOutcome(
  issues: readonly ClaimIssue[],
  where: { readonly line: number; readonly claimId: string | null },
): Record<string, unknown> {
  const diagnostics = `line ${where.line}${where.claimId === null ? '' : `, claim ${where.claimId}`}`;
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: 'error',
      code: ISSUE_TYPE[i.code],
      details: { coding: [{ system: ERROR_SYSTEM, code: i.code }], text: i.message },
      diagnostics,
      ...(i.path === '' ? {} : { expression: [i.path] }),
    })),
  };
}
