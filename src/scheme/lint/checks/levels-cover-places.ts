/**
 * Every hospital level at every location is given a level (a row of the basic-insurance table):
 * the first entry of `levels` in location.json whose condition holds decides the `level` fact,
 * and a claim no entry takes has none, so basic insurance, whose rows are by level, would pay it
 * nothing without a word (README, "Schemes as data"). Decided exactly when the entries read only
 * the location and the hospital's level, which are independent (any level of hospital may be
 * anywhere), as the shipped rules' do; entries that read other facts are left to the folder's
 * tests, since their combinations are not all possible claims.
 */
import { RuleErrorCode } from '../../../errors/codes.js';
import { compileCondition } from '../../../rule-files/conditions.js';
import { type FactBag, factValues } from '../../../rule-files/fact-catalog.js';
import { ruleCheck } from '../rule-check.js';
import { factOf, forEachCondition } from '../walk.js';

/** The facts the check enumerates: where the care was, and the hospital's level. */
const PLACE_FACTS: ReadonlySet<string> = new Set(['location', 'hospitalLevel']);

/**
 * No location and hospital level falls through every entry of `levels`.
 *
 * @example
 * levelsCoverPlaces.code // "rule_level_gap"
 */
export const levelsCoverPlaces = ruleCheck({
  code: RuleErrorCode.LEVEL_GAP,
  about: 'every hospital level at every location is given a level',
  run({ files, values }, report) {
    let placesOnly = true;
    forEachCondition(files, ({ file, path, node }) => {
      const fact = factOf(node);
      if (file === 'location.json' && path[0] === 'levels' && fact !== undefined && !PLACE_FACTS.has(fact))
        placesOnly = false;
    });
    if (!placesOnly) return;
    const entries = Object.values(files['location.json'].levels).map((l) => compileCondition(l.when));
    for (const location of factValues('location', values))
      for (const hospitalLevel of factValues('hospitalLevel', values)) {
        const facts = { location, hospitalLevel } as FactBag;
        if (!entries.some((holds) => holds(facts)))
          report(
            'location.json',
            ['levels'],
            `no entry takes a ${hospitalLevel} hospital ${location}: such a claim would have no level, and basic insurance, whose rows are by level, would pay it nothing; add an entry (or widen one) whose condition holds for it`,
          );
      }
  },
});
