/**
 * The waterfall: the tiers as a reduce over immutable state, in the order the rule set lists
 * (which the loader holds to the plan's order, 7.4.4). The in-scope split is made right after
 * tier 1, since the waiver changes the pools it is made from.
 */
import type { TierId } from '../rules/schema.js';
import { splitScope } from './scope.js';
import type { Tier, TierContext, WaterfallState } from './state.js';
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
 * Runs every tier of the policy's order on the initial state.
 *
 * @example
 * const end = runWaterfall(ctx, initialState);
 * end.remaining // what the patient pays
 */
export function runWaterfall(ctx: TierContext, initial: WaterfallState): WaterfallState {
  return ctx.policy.order.reduce((state, id) => {
    const next = TIERS[id](ctx, state);
    return id === 'hospital-waiver' ? splitScope(ctx, next) : next;
  }, initial);
}
