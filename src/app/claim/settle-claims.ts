/**
 * Settling what the claim view holds: the form's claims, or what was pasted (one claim, a list of
 * claims, or NDJSON), in order with the ledger threaded per person and year (createBatch), each
 * answered with its record, its JSON (every line's explanation in the page's language) and the
 * cashier's statement; or with the library's errors, each at its path.
 */
import type { ClaimIssue } from '../../errors/issue.js';
import { type SettlementJson, settlementToJson } from '../../format/settlement-json.js';
import { formatStatement } from '../../format/text.js';
import type { Lang } from '../../i18n/lang.js';
import { createBatch } from '../../settle/batch.js';
import type { SettlementRecord } from '../../settle/settle-claim.js';

/** A claim to settle: its value (the form, an element of a pasted list) or its JSON text (pasted). */
export type ClaimInputOf =
  | { readonly value: unknown; readonly line: number }
  | { readonly text: string; readonly line: number };

/** What happened to one claim. */
export type ClaimOutcome =
  | {
      readonly ok: true;
      readonly line: number;
      readonly record: SettlementRecord;
      readonly json: SettlementJson;
      readonly statement: string;
    }
  | {
      readonly ok: false;
      readonly line: number;
      readonly claimId: string | null;
      readonly errors: readonly ClaimIssue[];
    };

/**
 * Settles the claims in order with the embedded rules.
 *
 * @example
 * settleClaims([{ value: claim, line: 1 }], 'zh-CN')[0].json.personal // "0.00"
 */
export function settleClaims(inputs: readonly ClaimInputOf[], lang: Lang): ClaimOutcome[] {
  const batch = createBatch({ lang });
  return inputs.map((input) => {
    const o = 'text' in input ? batch.settleText(input.text, input.line) : batch.settle(input.value, input.line);
    if (!o.ok) return { ok: false, line: o.line, claimId: o.claimId, errors: o.errors };
    return {
      ok: true,
      line: o.line,
      record: o.record,
      json: settlementToJson(o.record, { lang }),
      statement: formatStatement(o.record),
    };
  });
}

/**
 * The claims of a pasted text: one JSON claim (pretty or not), a JSON list of claims, or NDJSON
 * (one claim per line, blank lines skipped). A text that is none of these is one input, for the
 * library to say where it stops being JSON.
 *
 * @example
 * pastedClaims('{"id":"C1"}\n{"id":"C2"}') // two inputs, lines 1 and 2
 */
export function pastedClaims(text: string): ClaimInputOf[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    const lines = text.split('\n');
    const objectLines = lines.filter((l) => l.trim().startsWith('{'));
    // NDJSON when it has several lines that each start a claim; else one broken document.
    if (objectLines.length > 1)
      return lines.flatMap((l, i) => (l.trim() === '' ? [] : [{ text: l.replace(/\r$/, ''), line: i + 1 }]));
    return [{ text: trimmed, line: 1 }];
  }
  if (Array.isArray(whole)) return whole.map((value, i) => ({ value, line: i + 1 }));
  // The text itself, so that a key written twice is refused as the library refuses it.
  return [{ text: trimmed, line: 1 }];
}
