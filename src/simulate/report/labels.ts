/**
 * The names of what the rule files do not name: the two shares of a bill that are not a payer
 * tier (what the hospital absorbs, what the patient pays) and the pathways (the contract's visit
 * kinds). Tiers, funds, counties and person categories are named by their rule files
 * (src/simulate/core/dimensions.ts).
 */
import { CONTRACT_LABELS } from '../../claim/enums.js';

/** A name in both languages of the report. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** The shares of a bill beside the payer tiers. */
export const BILL_SHARE_LABELS: Readonly<Record<'hospital' | 'personal', Label>> = {
  hospital: { zh: '医院承担', en: 'absorbed by the hospital' },
  personal: { zh: '个人自付', en: 'paid by the patient' },
};

/**
 * The label of a pathway (a visit kind of the contract); an unknown id is shown as itself.
 *
 * @example
 * pathwayLabel('special-outpatient') // { zh: "特殊疾病门诊", en: "special outpatient" }
 */
export function pathwayLabel(id: string): Label {
  return CONTRACT_LABELS.visitKind![id] ?? { zh: id, en: id };
}
