/**
 * A settlement as an HL7 FHIR R4 ClaimResponse, for systems that speak FHIR: the claim's totals
 * as `submitted` (the whole bill), `eligible` (billable: what the hospital does not bear),
 * `deductible` (charged by basic insurance) and `benefit` (what the payers paid); one `insurance`
 * entry per payer tier in the waterfall's sequence, and per tier a `benefit` adjudication on the
 * single item whose reason names the tier and its clause; each line's explanation as a process
 * note. Amounts in CNY.
 *
 * FHIR writes decimals as JSON numbers: this is the one place an amount becomes a JS number, at the
 * edge, from its exact text (two decimals, at most 15 digits, so the number prints back the same).
 */
import { explainLine } from '../explain/explain-line.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { type Fen, formatFen, sumFen } from '../money/fen.js';
import type { SettlementRecord } from '../settle/settle-claim.js';

const ADJUDICATION = 'http://terminology.hl7.org/CodeSystem/adjudication';
const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type';
/** Our code system for the payer tiers (the ids of rules/*.json). */
export const TIER_SYSTEM = 'urn:bashunwei:tier';
/** Our identifier system for claim and person ids. */
export const ID_SYSTEM = 'urn:bashunwei:id';

const money = (f: Fen) => ({ value: Number(formatFen(f)), currency: 'CNY' });
const category = (code: 'submitted' | 'eligible' | 'deductible' | 'benefit') => ({ coding: [{ system: ADJUDICATION, code }] });
/** FHIR ids are [A-Za-z0-9-.]{1,64}; other claim ids travel in `identifier` only. */
const fhirId = (id: string): string | undefined => (/^[A-Za-z0-9\-.]{1,64}$/.test(id) ? id : undefined);

/**
 * The FHIR R4 ClaimResponse of a settlement (explanations in Chinese unless told otherwise).
 *
 * @example
 * JSON.stringify(claimResponse(record), null, 2)
 */
export function claimResponse(r: SettlementRecord, options: { readonly lang?: Lang } = {}): Record<string, unknown> {
  const lang = options.lang ?? DEFAULT_LANG;
  const paid = sumFen(r.lines.map((l) => l.amount));
  // The deductible charged by the first deductible/ratio table of the waterfall (basic insurance).
  const basic = r.lines.find((l) => l.detail.kind === 'table')?.detail;
  const deductible = basic?.kind === 'table' ? (Math.min(basic.deductibleDue, basic.inScope) as Fen) : (0 as Fen);
  const totals = [
    { category: category('submitted'), amount: money(r.bill.total) },
    { category: category('eligible'), amount: money(r.bill.billable) },
    { category: category('deductible'), amount: money(deductible) },
    { category: category('benefit'), amount: money(paid) },
  ];
  const id = fhirId(r.claim.id);
  return {
    resourceType: 'ClaimResponse',
    ...(id ? { id } : {}),
    identifier: [{ system: ID_SYSTEM, value: r.claim.id }],
    status: 'active',
    type: { coding: [{ system: CLAIM_TYPE, code: r.claim.visit.kind === 'inpatient' || r.claim.visit.kind === 'delivery' ? 'institutional' : 'professional' }] },
    use: 'claim',
    patient: { identifier: { system: ID_SYSTEM, value: r.claim.person.id } },
    created: r.claim.visit.discharged,
    insurer: { display: r.policy.title },
    outcome: 'complete',
    disposition: lang === 'en' ? `settled under ${r.policy.id} ${r.policy.version}; personal pay ${formatFen(r.personal)} CNY` : `按 ${r.policy.id}（${r.policy.version}）结算；个人自付 ${formatFen(r.personal)} 元`,
    item: [
      {
        itemSequence: 1,
        adjudication: [
          ...totals,
          ...r.lines.map((l) => ({
            category: category('benefit'),
            reason: { coding: [{ system: TIER_SYSTEM, code: l.id, display: l.label }], text: `${l.clause}` },
            amount: money(l.amount),
          })),
        ],
      },
    ],
    total: totals,
    insurance: r.lines.map((l, k) => ({ sequence: k + 1, focal: k === r.lines.findIndex((x) => x.payer === 'insurance'), coverage: { display: `${l.tier} ${l.label}（${l.clause}）` } })),
    processNote: r.lines.map((l, k) => ({ number: k + 1, type: 'display', text: explainLine(l, lang) })),
  };
}
