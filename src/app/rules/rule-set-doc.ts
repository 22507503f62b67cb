/**
 * A rule set as a policy document reads it: who it is for and when, the values a region must
 * still confirm first, then the tiers in the order they run, each with its kind, payer and
 * clause, whom it applies to (its description and its condition written out as `rules diff`
 * writes conditions), its parameters with every dated value, clause and provenance, and its other
 * conditions; then the parameters and conditions of the scheme's other files. Built from the
 * checked, merged files of the rule set (extends resolved).
 */
import { formatPath } from '../../errors/issue.js';
import type { Condition } from '../../rule-files/conditions.js';
import { type TierFile, orderedTiers, tierFile } from '../../rule-files/types.js';
import { inForceJson, type RuleSet } from '../../scheme/compile.js';
import { type AssumedRule, type ParameterInfo, listAssumedRules, listParameters } from '../../scheme/parameters.js';
import { conditionText } from '../../scheme/rules-diff.js';

/** A dated parameter: where it is, its clause and provenance, and its values from each date. */
export type ParameterDoc = ParameterInfo;

/** A condition: where it is, its clause, what it says in words, and the description beside it. */
export interface ConditionDoc {
  readonly file: string;
  /** The path of the `when` (`applies.when`, `rows.county.when`). */
  readonly path: string;
  readonly clause: string;
  readonly text: string;
  readonly when: unknown;
  readonly description?: { readonly zh: string; readonly en: string };
}

/** A tier of the order. */
export interface TierDoc {
  readonly tier: number;
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly kind: string;
  readonly payer: string;
  readonly clause: string;
  readonly parameters: readonly ParameterDoc[];
  readonly conditions: readonly ConditionDoc[];
}

/** A rule set, read as a document. */
export interface RuleSetDoc {
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
  readonly reference: string;
  readonly inForce: { readonly from: string; readonly to: string | null };
  readonly versions: readonly string[];
  /** The assumed values not verified: what a region must confirm, listed first. */
  readonly toConfirm: readonly ParameterDoc[];
  readonly assumedRules: readonly AssumedRule[];
  readonly tiers: readonly TierDoc[];
  /** The scheme's files other than the tiers: their parameters and conditions. */
  readonly otherFiles: readonly {
    readonly file: string;
    readonly parameters: readonly ParameterDoc[];
    readonly conditions: readonly ConditionDoc[];
  }[];
}

/**
 * Every condition (`when`) of the rule set's files, in file and document order, written out.
 *
 * @example
 * conditionsOf(set).find((c) => c.file === 'tiers/tilt-payment.json')?.text // "category = registered-poor and visitKind ≠ general-outpatient"
 */
export function conditionsOf(set: RuleSet): ConditionDoc[] {
  const out: ConditionDoc[] = [];
  const walk = (file: string, node: unknown, path: (string | number)[], clause: string): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach((x, i) => walk(file, x, [...path, i], clause));
    const o = node as Record<string, unknown>;
    const here = typeof o.clause === 'string' ? o.clause : clause;
    if (typeof o.when === 'object' && o.when !== null)
      out.push({
        file,
        path: formatPath([...path, 'when']),
        clause: here,
        text: conditionText(o.when as Condition),
        when: o.when,
        ...(typeof o.description === 'string'
          ? {
              description: {
                zh: o.description,
                en: typeof o.descriptionEn === 'string' ? o.descriptionEn : o.description,
              },
            }
          : {}),
      });
    for (const [k, v] of Object.entries(o)) if (k !== 'when') walk(file, v, [...path, k], here);
  };
  for (const [file, content] of Object.entries(set.files)) walk(file, content, [], '');
  return out;
}

/**
 * The rule set as a document.
 *
 * @example
 * ruleSetDoc(defaultRules().sets[0]).tiers.map((t) => t.id) // ["maternal-subsidy", "hospital-waiver", …]
 */
export function ruleSetDoc(set: RuleSet): RuleSetDoc {
  const rs = set.files['ruleset.json'];
  const parameters = listParameters(set.files);
  const conditions = conditionsOf(set);
  const order = orderedTiers(set.files);
  const tierFiles = new Set(order.map((t) => tierFile(t.id)));
  const tier = (t: TierFile): TierDoc => ({
    tier: t.tier,
    id: t.id,
    label: t.label,
    labelEn: t.labelEn ?? t.label,
    kind: t.kind,
    payer: t.payer,
    clause: t.clause,
    parameters: parameters.filter((p) => p.file === tierFile(t.id)),
    conditions: conditions.filter((c) => c.file === tierFile(t.id)),
  });
  const others = Object.keys(set.files).filter(
    (f) => f !== 'ruleset.json' && !tierFiles.has(f) && !f.startsWith('tiers/'),
  );
  return {
    id: set.id,
    title: set.title,
    titleEn: set.titleEn,
    reference: rs.reference,
    inForce: inForceJson(set.inForce),
    versions: set.segments.map((s) => s.version),
    toConfirm: parameters.filter((p) => p.source === 'assumed' && !p.verified),
    assumedRules: listAssumedRules(set.files),
    tiers: order.map(tier),
    otherFiles: others
      .map((file) => ({
        file,
        parameters: parameters.filter((p) => p.file === file),
        conditions: conditions.filter((c) => c.file === file),
      }))
      .filter((f) => f.parameters.length > 0 || f.conditions.length > 0),
  };
}
