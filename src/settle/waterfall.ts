/**
 * The waterfall: the tiers in the order the rule set lists (which the loader holds to the plan's
 * order, 7.4.4), each updating the settlement's scratch state. The in-scope split is made right
 * after tier 1, since the waiver changes the pools it is made from.
 */
import type { TierId } from '../rules/schema.js';
import { splitScope } from './scope.js';
import type { Scratch, Tier, TierContext } from './state.js';
import { basicInsurance } from './tiers/basic-insurance.js';
import { hospitalWaiver } from './tiers/hospital-waiver.js';
import { maternalSubsidy } from './tiers/maternal-subsidy.js';
import { medicalAssistance } from './tiers/medical-assistance.js';
import { reliefFunds } from './tiers/relief-funds.js';
import { seriousIllnessInsurance } from './tiers/serious-illness-insurance.js';
import { specialSupplementaryInsurance } from './tiers/special-supplementary-insurance.js';
import { supplementaryInsurance } from './tiers/supplementary-insurance.js';
import { tiltPayment } from './tiers/tilt-payment.js';

/** The implementation of each tier id. */
export const TIERS: Readonly<Record<TierId, Tier>> = {
  'maternal-subsidy': maternalSubsidy,
  'hospital-waiver': hospitalWaiver,
  'basic-insurance': basicInsurance,
  'serious-illness-insurance': seriousIllnessInsurance,
  'supplementary-insurance': supplementaryInsurance,
  'tilt-payment': tiltPayment,
  'special-supplementary-insurance': specialSupplementaryInsurance,
  'medical-assistance': medicalAssistance,
  'relief-funds': reliefFunds,
};

/**
 * Runs every tier of the policy's order on the scratch state.
 *
 * @example
 * runWaterfall(ctx, s);
 * s.remaining // what the patient pays
 */
export function runWaterfall(ctx: TierContext, s: Scratch): void {
  for (const id of ctx.policy.order) {
    TIERS[id](ctx, s);
    if (id === 'hospital-waiver') splitScope(ctx, s);
  }
}
