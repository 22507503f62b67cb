/**
 * The settlement as docs/claim.md, "The settlement", fixes it: amounts as strings with two decimals, lines for tiers
 * 1–8 (and 0 for delivery), each with its clause and Chinese explanation.
 */
import { explainLine } from '../explain/explain-line.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { type SettlementLedgerJson, settlementLedgerToJson } from '../ledger/ledger-json.js';
import { type Fen, formatFen } from '../money/fen.js';
import { mulDiv } from '../money/rounding.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import type { SettledLine } from '../kinds/kind-list.js';

/** One line of a settlement, as JSON. */
export interface SettlementLineJson {
  readonly tier: number;
  readonly id: string;
  readonly label: string;
  readonly amount: string;
  readonly clause: string;
  readonly explanation: string;
  /** Tier 8 only: the funds that paid more than 0, in the order they paid. */
  readonly funds?: Readonly<Record<string, string>>;
}

/** A settlement, as JSON (docs/claim.md). */
export interface SettlementJson {
  readonly claimId: string;
  readonly personId: string;
  readonly rules: { readonly id: string; readonly version: string };
  readonly total: string;
  readonly hospitalAbsorbed: string;
  readonly billable: string;
  readonly lines: readonly SettlementLineJson[];
  readonly personal: string;
  readonly personalShare: string;
  readonly target: { readonly personalMax: string; readonly met: boolean } | null;
  /** The person-year after this claim: its counters and how many claims it holds (not their ids: docs/claim.md, "The ledger"). */
  readonly ledger: SettlementLedgerJson;
}

/**
 * `personal / billable` with four decimals, half-up (`"0.0000"` when nothing is billable).
 *
 * @example
 * formatShare(fen(6070), fen(155000)) // "0.0392"
 */
export function formatShare(part: Fen, whole: Fen): string {
  if (whole === 0) return '0.0000';
  const bp = mulDiv(part, 10_000, whole, 'half-up');
  const int = Math.floor(bp / 10_000);
  return `${int}.${String(bp - int * 10_000).padStart(4, '0')}`;
}

/**
 * `part / whole` as a percentage with two decimals, half-up (`"0.00%"` when `whole` is 0).
 *
 * @example
 * formatSharePercent(fen(6070), fen(155000)) // "3.92%"
 */
export function formatSharePercent(part: Fen, whole: Fen): string {
  if (whole === 0) return '0.00%';
  const bp = mulDiv(part, 10_000, whole, 'half-up');
  const cents = bp % 100;
  return `${(bp - cents) / 100}.${String(cents).padStart(2, '0')}%`;
}

/**
 * Writes a settlement record as the contract's JSON, explanations in Chinese unless told otherwise.
 *
 * @example
 * JSON.stringify(settlementToJson(record, { lang: 'en' }), null, 2)
 */
export function settlementToJson(r: SettlementRecord, options: { readonly lang?: Lang } = {}): SettlementJson {
  const lang = options.lang ?? DEFAULT_LANG;
  return {
    claimId: r.claim.id,
    personId: r.claim.person.id,
    rules: { id: r.policy.id, version: r.policy.version },
    total: formatFen(r.bill.total),
    hospitalAbsorbed: formatFen(r.bill.hospitalAbsorbed),
    billable: formatFen(r.bill.billable),
    lines: r.lines.map((l) => lineToJson(l, lang)),
    personal: formatFen(r.personal),
    personalShare: formatShare(r.personal, r.bill.billable),
    target: r.target === null ? null : { personalMax: formatFen(r.target.personalMax), met: r.target.met },
    ledger: settlementLedgerToJson(r.ledger),
  };
}

function lineToJson(l: SettledLine, lang: Lang): SettlementLineJson {
  const amount = formatFen(l.amount);
  const explanation = explainLine(l, lang);
  if (l.funds === undefined) return { tier: l.tier, id: l.id, label: l.label, amount, clause: l.clause, explanation };
  const funds: Record<string, string> = {};
  for (const d of l.funds) funds[d.fund] = formatFen(d.amount);
  return { tier: l.tier, id: l.id, label: l.label, amount, clause: l.clause, explanation, funds };
}
