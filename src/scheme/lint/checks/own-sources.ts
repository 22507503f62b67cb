/**
 * A value a folder adds to a parameter of the plan (`"source": "seed"`) states a source of its
 * own: the plan's provenance is not a county's decision's. (An inherited "assumed", not verified,
 * claims nothing and may stay.)
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { forEachParameter } from '../../../rule-files/dated.js';
import { ruleCheck } from '../rule-check.js';

/**
 * Values added under an inherited `"source": "seed"`.
 *
 * @example
 * ownSources.code // "rule_invalid"
 */
export const ownSources = ruleCheck({
  code: RuleErrorCode.INVALID,
  about: 'a value added to a parameter of the plan states its own source',
  run({ files, writtenHere }, report) {
    forEachParameter(files, ({ file, path, node }) => {
      if (node.source !== 'seed' || writtenHere(file, [...path, 'source'])) return;
      const added = Object.keys(node.values).filter((d) => writtenHere(file, [...path, 'values', d]));
      if (added.length === 0) return;
      report(
        file,
        path,
        `this folder adds the value dated ${added.join(', ')} but keeps "source": "seed" from the folder it extends, which is the plan's provenance, not this value's: write "source" beside it ("seed" with the clause it comes from, or "assumed" with "verified": false)`,
      );
    });
  },
});
