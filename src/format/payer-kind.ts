/**
 * Who each payer of a settlement is, for the outputs that must tell insurance from the rest
 * (FHIR lists only insurance as `insurance` coverages and counts only insurance in `benefit` and
 * `payment`): an insurance fund, civil-affairs medical assistance, a relief fund, a subsidy, or the
 * hospital forgoing part of its own bill.
 *
 * TODO(issue 10): read from the rule files (each tier will carry its payer kind); until then this
 * table by line id is the one place that says it, and every output asks {@link payerKindOf}.
 */

/** The kinds of payer a settlement line can be. */
export const PAYER_KINDS = ['insurance', 'assistance', 'relief-fund', 'subsidy', 'provider-waiver'] as const;

/** A kind of payer. */
export type PayerKind = (typeof PAYER_KINDS)[number];

/** The payer kind of every line id of the shipped rule sets (ziyang-2017 and ziyang-2022). */
const KIND_BY_LINE: ReadonlyMap<string, PayerKind> = new Map(Object.entries({
  // ziyang-2017 (POLICY.md): tier 0 is the maternal health programme's subsidy, tier 1 the
  // hospital's own waiver, tiers 2–6 insurance funds (the tilted payment is paid by basic
  // insurance, the special supplementary insurance is bought for the poor by the government),
  // tier 7 civil-affairs assistance, tier 8 the relief funds.
  'maternal-subsidy': 'subsidy',
  'hospital-waiver': 'provider-waiver',
  'basic-insurance': 'insurance',
  'serious-illness-insurance': 'insurance',
  'supplementary-insurance': 'insurance',
  'tilt-payment': 'insurance',
  'special-supplementary-insurance': 'insurance',
  'medical-assistance': 'assistance',
  'relief-funds': 'relief-fund',
  // ziyang-2022 (POLICY-2022.md): basic and serious-illness insurance, then medical assistance
  // and the tilted assistance, both paid by the medical-assistance fund.
  'tilted-assistance': 'assistance',
} satisfies Record<string, PayerKind>));

/**
 * The payer kind of a settlement line; throws for a line id no rule set has (a bug, not input).
 *
 * @example
 * payerKindOf('basic-insurance')    // "insurance"
 * payerKindOf('medical-assistance') // "assistance"
 */
export function payerKindOf(lineId: string): PayerKind {
  const kind = KIND_BY_LINE.get(lineId);
  if (kind === undefined) throw new Error(`no payer kind for the line ${lineId} (src/format/payer-kind.ts)`);
  return kind;
}
