/**
 * Checks of a parsed rule folder that a schema cannot express: facts known where a condition sits,
 * values a fact can take, the plan's tier order, dated values covering the whole period, ascending
 * brackets, and caps for every cap pool. Each problem names its file and path.
 */
import { RuleErrorCode } from '../errors/codes.js';
import type { RuleIssue } from '../errors/issue.js';
import { formatPath } from '../errors/issue.js';
import { FACTS, type FactName, type Site, factReadableAt, isFactName } from './facts.js';
import { type RuleFileName, type RuleFiles, TIER_ORDER } from './schema.js';
import { forEachParameter, valueOn } from './dated.js';

/**
 * Lints a rule folder that passed the schema. Returns every problem found (empty when clean).
 *
 * @example
 * lintRuleFiles(files) // [] for the shipped ziyang-2017 rules
 */
export function lintRuleFiles(files: RuleFiles): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (file: RuleFileName, path: readonly PropertyKey[], code: RuleIssue['code'], message: string): void => {
    issues.push({ code, file, path: formatPath(path), message });
  };

  // Conditions: every `when`, at the site where it is evaluated.
  for (const [file, content] of Object.entries(files) as [RuleFileName, unknown][]) {
    walk(content, [], (node, path) => {
      if (!('when' in node)) return;
      lintCondition(node.when, [...path, 'when'], siteOf(file, path), (p, code, msg) => add(file, p, code, msg));
    });
  }

  // The order of the tiers is the plan's (7.4.4); the formulas of each tier read what the earlier left.
  const order = files['ruleset.json'].order.tiers;
  if (order.length !== TIER_ORDER.length || order.some((t, i) => t !== TIER_ORDER[i])) {
    add('ruleset.json', ['order', 'tiers'], RuleErrorCode.TIER_ORDER, `the tiers must be listed once each in the plan's order: ${TIER_ORDER.join(', ')}`);
  }

  // Period and dated values: every value must be known from the first day of the period.
  const { from, to } = files['ruleset.json'].inForce;
  if (from > to) add('ruleset.json', ['inForce'], RuleErrorCode.INVALID, `inForce.from ${from} is after inForce.to ${to}`);
  forEachParameter(files, ({ file, path, node }) => {
    const dates = Object.keys(node.values).sort();
    if (dates.length > 0 && dates[0]! > from) {
      add(file, [...path, 'values'], RuleErrorCode.DATE_GAP, `no value from ${from} (the rule set's first day) to ${dates[0]}: date the first value ${from} or earlier`);
    }
    for (const d of dates) {
      if (d > to) add(file, [...path, 'values', d], RuleErrorCode.DATE_GAP, `value dated ${d}, after the rule set ends (${to}): it would never apply`);
    }
  });

  // Brackets ascend, and only the last is open-ended.
  const brackets = files['tier-3-serious-illness-insurance.json'].brackets.values;
  for (const [d, list] of Object.entries(brackets)) {
    let prev = -1;
    list.forEach((b, i) => {
      const last = i === list.length - 1;
      if (b.upTo === null && !last) add('tier-3-serious-illness-insurance.json', ['brackets', 'values', d, i, 'upTo'], RuleErrorCode.INVALID, 'only the last bracket may be open-ended (upTo: null)');
      if (b.upTo === null) return;
      const v = Number(b.upTo);
      if (v <= prev) add('tier-3-serious-illness-insurance.json', ['brackets', 'values', d, i, 'upTo'], RuleErrorCode.INVALID, 'bracket bounds must ascend');
      prev = v;
    });
    if (list.length > 0 && list[list.length - 1]!.upTo !== null) {
      add('tier-3-serious-illness-insurance.json', ['brackets', 'values', d, list.length - 1, 'upTo'], RuleErrorCode.INVALID, 'the last bracket must be open-ended (upTo: null)');
    }
  }

  // Every cap pool a table names has a cap, and no cap is below a deductible it is meant to follow
  // (a cap under the deductible would make the tier unable to pay anything, silently).
  const basic = files['tier-2-basic-insurance.json'];
  basic.tables.forEach((t, i) => {
    const cap = basic.annualCaps[t.capPool];
    if (!cap) {
      add('tier-2-basic-insurance.json', ['tables', i, 'capPool'], RuleErrorCode.INVALID, `cap pool "${t.capPool}" has no entry in annualCaps`);
      return;
    }
    for (const [d, value] of Object.entries(cap.values)) {
      const ded = valueOn(t.deductible.values, d);
      if (ded !== undefined && Number(value) < Number(ded)) {
        add('tier-2-basic-insurance.json', ['annualCaps', t.capPool, 'values', d], RuleErrorCode.INVALID, `annual cap ${value} is below the deductible ${ded} of table "${t.id}"`);
      }
    }
  });
  const t3 = files['tier-3-serious-illness-insurance.json'];
  for (const [d, value] of Object.entries(t3.annualCap.values)) {
    const ded = valueOn(t3.deductible.values, d);
    if (ded !== undefined && Number(value) < Number(ded)) {
      add('tier-3-serious-illness-insurance.json', ['annualCap', 'values', d], RuleErrorCode.INVALID, `annual cap ${value} is below the deductible ${ded}`);
    }
  }
  return issues;
}

type Report = (path: readonly PropertyKey[], code: RuleIssue['code'], message: string) => void;

function lintCondition(cond: unknown, path: readonly PropertyKey[], site: Site, report: Report): void {
  if (typeof cond !== 'object' || cond === null) return;
  const c = cond as Record<string, unknown>;
  if (Array.isArray(c.all)) c.all.forEach((x, i) => lintCondition(x, [...path, 'all', i], site, report));
  else if (Array.isArray(c.any)) {
    if (c.any.length === 0) report([...path, 'any'], RuleErrorCode.IMPOSSIBLE_VALUE, 'an empty "any" is always true in json-rules-engine; write {"all": []} if that is meant');
    c.any.forEach((x, i) => lintCondition(x, [...path, 'any', i], site, report));
  } else if (c.not !== undefined) lintCondition(c.not, [...path, 'not'], site, report);
  else if (typeof c.fact === 'string') {
    const fact = c.fact;
    if (!isFactName(fact)) {
      report([...path, 'fact'], RuleErrorCode.UNKNOWN_FACT, `unknown fact "${fact}"; known facts: ${Object.keys(FACTS).join(', ')}`);
      return;
    }
    if (!factReadableAt(fact, site)) {
      report([...path, 'fact'], RuleErrorCode.UNKNOWN_FACT, `fact "${fact}" is not known yet where this condition is evaluated (${site}); it is known from "${FACTS[fact].from}" on`);
      return;
    }
    lintValue(fact, String(c.operator), c.value, [...path, 'value'], report);
  }
}

function lintValue(fact: FactName, operator: string, value: unknown, path: readonly PropertyKey[], report: Report): void {
  const allowed = FACTS[fact].values as readonly unknown[] | null;
  const okValue = (v: unknown): boolean => (allowed === null ? typeof v === 'string' && v.length > 0 : allowed.includes(v));
  const list = allowed === null ? 'a non-empty string' : allowed.map((v) => JSON.stringify(v)).join(', ');
  if (operator === 'equal' || operator === 'notEqual') {
    if (!okValue(value)) report(path, RuleErrorCode.IMPOSSIBLE_VALUE, `fact "${fact}" is never ${JSON.stringify(value)}; it takes ${list}`);
  } else if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) report(path, RuleErrorCode.IMPOSSIBLE_VALUE, `operator "${operator}" needs a list of values`);
    else value.forEach((v, i) => okValue(v) || report([...path, i], RuleErrorCode.IMPOSSIBLE_VALUE, `fact "${fact}" is never ${JSON.stringify(v)}; it takes ${list}`));
  } else {
    report(path, RuleErrorCode.IMPOSSIBLE_VALUE, `operator "${operator}" never holds for fact "${fact}", which is a single ${allowed === null ? 'string' : 'value'}; use equal, notEqual, in or notIn`);
  }
}

function siteOf(file: RuleFileName, path: readonly PropertyKey[]): Site {
  if (file === 'persons.json') return 'person';
  if (file === 'location.json') return path[0] === 'overrides' ? 'location' : 'level';
  if (file === 'bill.json' && path[0] === 'hospitalAbsorbed') return 'item';
  return 'tier';
}

function walk(node: unknown, path: PropertyKey[], visit: (node: Record<string, unknown>, path: PropertyKey[]) => void): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((x, i) => walk(x, [...path, i], visit));
    return;
  }
  const obj = node as Record<string, unknown>;
  visit(obj, path);
  for (const [k, v] of Object.entries(obj)) if (k !== 'when') walk(v, [...path, k], visit);
}
