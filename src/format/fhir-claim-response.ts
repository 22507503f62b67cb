/**
 * A settlement as an HL7 FHIR R4 ClaimResponse (4.0.1), for systems that speak FHIR. Amounts in CNY.
 *
 * Where each amount goes, and why (R4 ClaimResponse and the adjudication code system
 * http://terminology.hl7.org/CodeSystem/adjudication):
 *
 * - **One item, one adjudication per payer, no item-level totals.** The claim is settled as one
 *   bill, so it has one `item`. Its `adjudication` holds `submitted` (the whole bill), `eligible`
 *   (billable: what the hospital does not absorb), `deductible` (charged by basic insurance), then
 *   one entry per payer line whose `reason` names the tier (`urn:bashunwei:tier`) and its clause,
 *   and `copay` (the patient's share). No category appears twice except the per-payer ones, and no
 *   total of them is repeated on the item: R4 defines an item's adjudication as *the result of the
 *   adjudication of this item*, and a consumer that sums the `benefit` entries of the item gets
 *   exactly `total.benefit` (the old export listed the total benefit *and* the tiers, so a sum
 *   counted the money twice). Totals live in `ClaimResponse.total` only.
 * - **`benefit` is insurance only.** R4 defines `benefit` as "amount payable under the coverage"
 *   and `payment.amount` as "benefits payable less any payment adjustment", and `insurance` as the
 *   patient's coverages. So the funds of `benefit` and `payment` are the insurers: the lines whose
 *   payer kind is `insurance` (each tier file's `payer`), the same lines listed in `insurance`. The other
 *   payers pay outside any coverage and keep their own category, from our code system
 *   `urn:bashunwei:adjudication` (R4 binds the category to an *example* value set, so other codes
 *   are allowed): `assistance` (medical assistance), `fund` (relief funds), `subsidy` (the
 *   maternal subsidy) and `hospital` (the hospital's waiver: the payee forgoing part of its
 *   own bill, which moves no money). `payment.amount` equals `total.benefit` (no adjustment).
 * - **`total`**: one entry per category: `submitted`, `eligible`, `deductible`, `benefit`, each
 *   non-insurance kind the rule set has, `hospital-absorbed` (ours: the items the hospital bears,
 *   submitted − eligible) and `copay`. The money adds up as
 *   `submitted = hospital-absorbed + hospital + benefit + assistance + fund + subsidy + copay`
 *   (`eligible` and `deductible` are measures, not shares).
 * - **The patient's share** is `copay` ("patient co-payment", the code system's one code for what
 *   the patient pays; it has no `patientpay`), in `total` and on the item.
 * - **`insurance`** lists the insurance tiers only, in the waterfall's order (the order of
 *   coordination of benefits), the first (basic insurance) `focal`. The hospital waiver, relief
 *   funds, subsidies and civil-affairs assistance are not coverages and are not listed.
 * - **`insurer`** is a Reference to an Organization: by default the scheme's one-stop settlement,
 *   identified by the rule set's id (`urn:bashunwei:scheme`); pass `insurer` to name your own.
 * - **`created`** is when this resource was made (R4: "the date this resource was created"), i.e.
 *   the adjudication time: now, unless `created` is given (reproducible output; the command's
 *   `--created` or `SOURCE_DATE_EPOCH`).
 *
 * FHIR writes decimals as JSON numbers: this is the one place an amount becomes a JS number, at the
 * edge, from its exact text (two decimals, at most 15 digits, so the number prints back the same).
 */
import { deductibleCharged } from './line-figures.js';
import { explainLine } from '../explain/explain-line.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { type Fen, formatFen, sumFen } from '../money/fen.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import { PAYER_KINDS, type PayerKind } from '../rule-files/types.js';
import type { FhirClaimResponse, FhirCodeableConcept, FhirMoney, FhirReference } from './fhir-types.js';

const ADJUDICATION = 'http://terminology.hl7.org/CodeSystem/adjudication';
const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type';
const PAYMENT_TYPE = 'http://terminology.hl7.org/CodeSystem/ex-paymenttype';
const PAYEE_TYPE = 'http://terminology.hl7.org/CodeSystem/payeetype';
/** Our code system for the payer tiers (the ids of rules/*.json). */
export const TIER_SYSTEM = 'urn:bashunwei:tier';
/** Our identifier system for claim and person ids. */
export const ID_SYSTEM = 'urn:bashunwei:id';
/** Our code system for the adjudication categories R4's example value set has no code for. */
export const ADJUDICATION_SYSTEM = 'urn:bashunwei:adjudication';
/** Our identifier system for schemes (rule set ids), the default insurer. */
export const SCHEME_SYSTEM = 'urn:bashunwei:scheme';

/** Options of {@link claimResponse}. */
export interface ClaimResponseOptions {
  /** The language of the explanations and the disposition (default zh-CN). */
  readonly lang?: Lang;
  /** `created`: an R4 dateTime or a Date (default: now). */
  readonly created?: string | Date;
  /** `insurer` (default: the scheme's one-stop settlement, by the rule set's id). */
  readonly insurer?: FhirReference;
}

/** R4's dateTime (with a time zone whenever a time is given). */
const FHIR_DATE_TIME =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;

/**
 * True for an R4 `dateTime` such as `2017-05-10T09:30:00+08:00` (or a date alone).
 *
 * @example
 * isFhirDateTime('2017-05-10T09:30:00+08:00') // true
 * isFhirDateTime('2017-05-10 09:30')          // false
 */
export function isFhirDateTime(s: string): boolean {
  return FHIR_DATE_TIME.test(s);
}

const money = (f: Fen): FhirMoney => ({ value: Number(formatFen(f)), currency: 'CNY' });
const coded = (system: string, code: string, display?: string): FhirCodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});
const KIND_DISPLAY: Readonly<Record<Exclude<PayerKind, 'insurance'>, string>> = {
  assistance: 'medical assistance',
  fund: 'relief fund',
  subsidy: 'subsidy',
  hospital: 'provider waiver',
};
/** The adjudication category of a payer kind: R4's `benefit` for insurance, ours for the rest. */
const kindCategory = (kind: PayerKind) =>
  kind === 'insurance' ? coded(ADJUDICATION, 'benefit') : coded(ADJUDICATION_SYSTEM, kind, KIND_DISPLAY[kind]);
/** FHIR ids are [A-Za-z0-9-.]{1,64}; other claim ids travel in `identifier` only. */
const fhirId = (id: string): string | undefined => (/^[A-Za-z0-9\-.]{1,64}$/.test(id) ? id : undefined);

/**
 * The FHIR R4 ClaimResponse of a settlement (explanations in Chinese unless told otherwise).
 *
 * @example
 * JSON.stringify(claimResponse(record, { created: '2017-05-10T09:30:00+08:00' }), null, 2)
 */
export function claimResponse(r: SettlementRecord, options: ClaimResponseOptions = {}): FhirClaimResponse {
  const lang = options.lang ?? DEFAULT_LANG;
  const created =
    options.created instanceof Date ? options.created.toISOString() : (options.created ?? new Date().toISOString());
  if (!isFhirDateTime(created))
    throw new RangeError(`created must be an R4 dateTime such as 2017-05-10T09:30:00+08:00, not ${created}`);
  const lines = r.lines.map((l) => ({ line: l, kind: l.payer }));
  const byKind = (kind: PayerKind) => sumFen(lines.filter((x) => x.kind === kind).map((x) => x.line.amount));
  const benefit = byKind('insurance');
  // The deductible charged by the first tier whose kind has an insurance deductible (basic insurance).
  const deductible = deductibleCharged(r.lines);
  const submitted = { category: coded(ADJUDICATION, 'submitted'), amount: money(r.bill.total) };
  const eligible = { category: coded(ADJUDICATION, 'eligible'), amount: money(r.bill.billable) };
  const deducted = { category: coded(ADJUDICATION, 'deductible'), amount: money(deductible) };
  const copay = { category: coded(ADJUDICATION, 'copay'), amount: money(r.personal) };
  const otherKinds = PAYER_KINDS.filter((k) => k !== 'insurance' && lines.some((x) => x.kind === k));
  const id = fhirId(r.claim.id);
  const insurance = lines.filter((x) => x.kind === 'insurance');
  return {
    resourceType: 'ClaimResponse',
    ...(id ? { id } : {}),
    identifier: [{ system: ID_SYSTEM, value: r.claim.id }],
    status: 'active',
    type: coded(
      CLAIM_TYPE,
      r.claim.visit.kind === 'inpatient' || r.claim.visit.kind === 'delivery' ? 'institutional' : 'professional',
    ),
    use: 'claim',
    patient: { type: 'Patient', identifier: { system: ID_SYSTEM, value: r.claim.person.id } },
    created,
    insurer: options.insurer ?? {
      type: 'Organization',
      identifier: { system: SCHEME_SYSTEM, value: r.policy.id },
      display: lang === 'en' ? `one-stop settlement of ${r.policy.id}` : `${r.policy.id} 一站式结算`,
    },
    request: { type: 'Claim', identifier: { system: ID_SYSTEM, value: r.claim.id } },
    outcome: 'complete',
    disposition:
      lang === 'en'
        ? `settled under ${r.policy.id} ${r.policy.version}; personal pay ${formatFen(r.personal)} CNY`
        : `按 ${r.policy.id}（${r.policy.version}）结算；个人自付 ${formatFen(r.personal)} 元`,
    payeeType: coded(PAYEE_TYPE, 'provider'),
    item: [
      {
        itemSequence: 1,
        adjudication: [
          submitted,
          eligible,
          deducted,
          ...lines.map(({ line: l, kind }) => ({
            category: kindCategory(kind),
            reason: { coding: [{ system: TIER_SYSTEM, code: l.id, display: l.label }], text: l.clause },
            amount: money(l.amount),
          })),
          copay,
        ],
      },
    ],
    total: [
      submitted,
      eligible,
      deducted,
      { category: coded(ADJUDICATION, 'benefit'), amount: money(benefit) },
      ...otherKinds.map((kind) => ({ category: kindCategory(kind), amount: money(byKind(kind)) })),
      {
        category: coded(ADJUDICATION_SYSTEM, 'hospital-absorbed', 'absorbed by the hospital'),
        amount: money(r.bill.hospitalAbsorbed),
      },
      copay,
    ],
    payment: { type: coded(PAYMENT_TYPE, 'complete'), amount: money(benefit) },
    insurance: insurance.map(({ line: l }, k) => ({
      sequence: k + 1,
      focal: k === 0,
      coverage: {
        type: 'Coverage',
        identifier: { system: TIER_SYSTEM, value: l.id },
        display: `${l.tier} ${l.label}（${l.clause}）`,
      },
    })),
    processNote: r.lines.map((l, k) => ({ number: k + 1, type: 'display', text: explainLine(l, lang) })),
  };
}
