/**
 * Checks of a rule folder (its files merged and past their schemas) that a schema cannot express:
 * facts known where a condition sits and values a fact can take in this scheme, tier files that
 * match their place in the order, carve-outs first, dated values covering the whole period,
 * references that name something, and each kind's own checks (ascending brackets, caps …). Each
 * problem names its file and path.
 */
import { kindNamed, kindOf } from '../../kinds/kind-list.js';
import { RuleErrorCode } from '../../errors/codes.js';
import type { RuleIssue } from '../../errors/issue.js';
import { formatPath } from '../../errors/issue.js';
import { NO_END } from '../compile.js';
import { forEachParameter } from '../../rule-files/dated.js';
import {
  FACTS,
  type FactName,
  type SchemeValues,
  type Site,
  factReadableAt,
  factValues,
  isFactName,
} from '../../rule-files/fact-catalog.js';
import { type RuleFiles, type TierFile, orderedTiers, tierFile } from '../../rule-files/types.js';

/**
 * Lints a rule folder. Returns every problem found (empty when clean).
 *
 * @example
 * lintRuleFiles(files) // [] for the shipped rule sets
 */
export function lintRuleFiles(files: RuleFiles): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (file: string, path: readonly PropertyKey[], code: RuleIssue['code'], message: string): void => {
    issues.push({ code, file, path: formatPath(path), message });
  };
  const values = schemeValues(files);

  // Conditions: every `when`, at the site where it is evaluated, against this scheme's values.
  for (const [file, content] of Object.entries(files) as [string, unknown][]) {
    walk(content, [], (node, path) => {
      if ('when' in node)
        lintCondition(node.when, [...path, 'when'], siteOf(file, path), values, (p, code, msg) =>
          add(file, p, code, msg),
        );
      if (
        typeof node.by === 'string' &&
        typeof node.values === 'object' &&
        node.values !== null &&
        !('source' in node)
      ) {
        lintByFact(node.by, Object.keys(node.values), path, values, (p, msg) =>
          add(file, p, RuleErrorCode.IMPOSSIBLE_VALUE, msg),
        );
      }
    });
  }

  // The scheme's lists refer to each other.
  const persons = files['persons.json'];
  for (const [id, c] of Object.entries(persons.categories)) {
    if (!(c.group in persons.groups))
      add(
        'persons.json',
        ['categories', id, 'group'],
        RuleErrorCode.INVALID,
        `group "${c.group}" is not in groups (${Object.keys(persons.groups).join(', ')})`,
      );
  }
  const j = files['jurisdiction.json'];
  for (const id of Object.keys(j.elsewhere))
    if (id in j.counties)
      add(
        'jurisdiction.json',
        ['elsewhere', id],
        RuleErrorCode.INVALID,
        `"${id}" is both a county and an area elsewhere`,
      );
  for (const [id, o] of Object.entries(files['location.json'].overrides)) {
    if (!values.levels.includes(o.level))
      add(
        'location.json',
        ['overrides', id, 'level'],
        RuleErrorCode.IMPOSSIBLE_VALUE,
        `level "${o.level}" is not one of levels (${values.levels.join(', ')})`,
      );
  }
  const premium = files['premium.json'];
  if (premium) {
    for (const c of Object.keys(j.counties))
      if (!(c in premium.cityShare))
        add('premium.json', ['cityShare'], RuleErrorCode.INVALID, `county "${c}" has no city share`);
    for (const c of Object.keys(premium.cityShare))
      if (!(c in j.counties))
        add(
          'premium.json',
          ['cityShare', c],
          RuleErrorCode.IMPOSSIBLE_VALUE,
          `"${c}" is not a county of jurisdiction.json`,
        );
  }

  // The tiers: each file where the order puts it, numbered in order, carve-outs first, each kind's own checks.
  const tiers = orderedTiers(files);
  let previous = -1;
  let seenPayer = false;
  tiers.forEach((t, i) => {
    const file = tierFile(files['ruleset.json'].tiers.order[i]!);
    const kind = kindOf(t);
    if (file !== tierFile(t.id))
      add(file, ['id'], RuleErrorCode.INVALID, `the file of tier "${t.id}" must be ${tierFile(t.id)}`);
    if (t.tier <= previous)
      add(
        file,
        ['tier'],
        RuleErrorCode.TIER_ORDER,
        `tier numbers must ascend in the order of ruleset.json (this one is ${t.tier}, the one before ${previous})`,
      );
    previous = t.tier;
    if (kind.carveOut && seenPayer)
      add(
        file,
        ['kind'],
        RuleErrorCode.TIER_ORDER,
        'a carve-out takes from the bill before it is split into S, Pb, N and O: list it before every other tier',
      );
    if (!kind.carveOut) seenPayer = true;
    lintReferences(t, (path, message) => add(file, path, RuleErrorCode.INVALID, message));
    if (t.nhsa?.funds) {
      const funds = kind.funds?.(t).map((f) => f.id) ?? [];
      if (kind.funds === undefined)
        add(
          file,
          ['nhsa', 'funds'],
          RuleErrorCode.INVALID,
          'only a top-up tier draws on funds of its own: give a fundType instead',
        );
      else
        for (const f of funds)
          if (!(f in t.nhsa.funds))
            add(file, ['nhsa', 'funds'], RuleErrorCode.INVALID, `fund "${f}" of this tier has no fund_pay_type`);
    }
    kind.lint?.(t, (path, message, code) => add(file, path, code ?? RuleErrorCode.INVALID, message), {
      tiers,
      self: i,
      funds: (other) =>
        kindNamed(other.kind)
          ?.funds?.(other)
          .map((f) => f.id) ?? null,
    });
  });

  // Period and dated values: every value must be known from the first day of the period.
  const { from } = files['ruleset.json'].inForce;
  const to = files['ruleset.json'].inForce.to ?? NO_END;
  if (from > to)
    add('ruleset.json', ['inForce'], RuleErrorCode.INVALID, `inForce.from ${from} is after inForce.to ${to}`);
  forEachParameter(files, ({ file, path, node }) => {
    const dates = Object.keys(node.values).sort();
    if (dates.length > 0 && dates[0]! > from) {
      add(
        file,
        [...path, 'values'],
        RuleErrorCode.DATE_GAP,
        `no value from ${from} (the rule set's first day) to ${dates[0]}: date the first value ${from} or earlier`,
      );
    }
    for (const d of dates) {
      if (d > to)
        add(
          file,
          [...path, 'values', d],
          RuleErrorCode.DATE_GAP,
          `value dated ${d}, after the rule set ends (${to}): it would never apply`,
        );
    }
  });
  return issues;
}

/**
 * What a folder must get right in the values it writes itself (`writtenHere`), which it would not
 * be fair to hold against the values it inherits:
 * - a value dated before the rule set's first day when a later value, also dated on or before that
 *   day, replaces it before the period starts never applies (a mistyped year in a county's patch,
 *   "2019-07-01" for "2024-07-01"); a parent's history of values is no mistake of the child's;
 * - a value added to a parameter of the plan (`"source": "seed"`) states a source of its own: the
 *   plan's provenance is not a county's decision's (an inherited "assumed", not verified, claims
 *   nothing and may stay).
 *
 * @example
 * lintOwnValues(files, () => true) // [] for the shipped rule sets
 */
export function lintOwnValues(
  files: RuleFiles,
  writtenHere: (file: string, path: readonly PropertyKey[]) => boolean,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const { from } = files['ruleset.json'].inForce;
  forEachParameter(files, ({ file, path, node }) => {
    const dates = Object.keys(node.values);
    const before = dates.filter((d) => d <= from).sort();
    const applies = before[before.length - 1];
    for (const d of before.slice(0, -1)) {
      if (!writtenHere(file, [...path, 'values', d])) continue;
      issues.push({
        code: RuleErrorCode.DATE_GAP,
        file,
        path: formatPath([...path, 'values', d]),
        message: `the value dated ${d} never applies: the rule set starts on ${from}, when the value dated ${applies} is already in force; check the date (a change from a later day is dated that day)`,
      });
    }
    if (node.source !== 'seed' || writtenHere(file, [...path, 'source'])) return;
    const added = dates.filter((d) => writtenHere(file, [...path, 'values', d]));
    if (added.length === 0) return;
    issues.push({
      code: RuleErrorCode.INVALID,
      file,
      path: formatPath(path),
      message: `this folder adds the value dated ${added.join(', ')} but keeps "source": "seed" from the folder it extends, which is the plan's provenance, not this value's: write "source" beside it ("seed" with the clause it comes from, or "assumed" with "verified": false)`,
    });
  });
  return issues;
}

/** The values of the scheme's lists, from its files. */
function schemeValues(files: RuleFiles): SchemeValues {
  const j = files['jurisdiction.json'];
  return {
    categories: Object.keys(files['persons.json'].categories),
    groups: Object.keys(files['persons.json'].groups),
    counties: Object.keys(j.counties),
    areas: [...Object.keys(j.counties), ...Object.keys(j.elsewhere)],
    levels: Object.keys(files['location.json'].levels),
  };
}

/** Every `{ "share": …, "of": name }` of a tier names one of its `parameters`. */
function lintReferences(t: TierFile, report: (path: readonly PropertyKey[], message: string) => void): void {
  const names = Object.keys(t.parameters ?? {});
  walk(t, [], (node, path) => {
    if (typeof node.of === 'string' && 'share' in node && !names.includes(node.of)) {
      report([...path, 'of'], `"${node.of}" is not one of the tier's parameters (${names.join(', ') || 'none'})`);
    }
  });
}

type Report = (path: readonly PropertyKey[], code: RuleIssue['code'], message: string) => void;

function lintByFact(
  by: string,
  keys: readonly string[],
  path: readonly PropertyKey[],
  scheme: SchemeValues,
  report: (path: readonly PropertyKey[], message: string) => void,
): void {
  if (!isFactName(by))
    return report([...path, 'by'], `unknown fact "${by}"; known facts: ${Object.keys(FACTS).join(', ')}`);
  const allowed = factValues(by, scheme).map(String);
  for (const k of keys)
    if (!allowed.includes(k))
      report([...path, 'values', k], `fact "${by}" is never "${k}"; it takes ${allowed.join(', ')}`);
}

function lintCondition(
  cond: unknown,
  path: readonly PropertyKey[],
  site: Site,
  scheme: SchemeValues,
  report: Report,
): void {
  if (typeof cond !== 'object' || cond === null) return;
  const c = cond as Record<string, unknown>;
  if (Array.isArray(c.all)) c.all.forEach((x, i) => lintCondition(x, [...path, 'all', i], site, scheme, report));
  else if (Array.isArray(c.any)) {
    if (c.any.length === 0)
      report(
        [...path, 'any'],
        RuleErrorCode.IMPOSSIBLE_VALUE,
        'an empty "any" is always true in json-rules-engine; write {"all": []} if that is meant',
      );
    c.any.forEach((x, i) => lintCondition(x, [...path, 'any', i], site, scheme, report));
  } else if (c.not !== undefined) lintCondition(c.not, [...path, 'not'], site, scheme, report);
  else if (typeof c.fact === 'string') {
    const fact = c.fact;
    if (!isFactName(fact)) {
      report(
        [...path, 'fact'],
        RuleErrorCode.UNKNOWN_FACT,
        `unknown fact "${fact}"; known facts: ${Object.keys(FACTS).join(', ')}`,
      );
      return;
    }
    if (!factReadableAt(fact, site)) {
      report(
        [...path, 'fact'],
        RuleErrorCode.UNKNOWN_FACT,
        `fact "${fact}" is not known yet where this condition is evaluated (${site}); it is known from "${FACTS[fact].from}" on`,
      );
      return;
    }
    lintValue(fact, String(c.operator), c.value, [...path, 'value'], scheme, report);
  }
}

function lintValue(
  fact: FactName,
  operator: string,
  value: unknown,
  path: readonly PropertyKey[],
  scheme: SchemeValues,
  report: Report,
): void {
  const allowed = factValues(fact, scheme);
  const okValue = (v: unknown): boolean => allowed.includes(v as string | boolean);
  const list = allowed.map((v) => JSON.stringify(v)).join(', ');
  if (operator === 'equal' || operator === 'notEqual') {
    if (!okValue(value))
      report(
        path,
        RuleErrorCode.IMPOSSIBLE_VALUE,
        `fact "${fact}" is never ${JSON.stringify(value)}; it takes ${list}`,
      );
  } else if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value))
      report(path, RuleErrorCode.IMPOSSIBLE_VALUE, `operator "${operator}" needs a list of values`);
    else
      value.forEach(
        (v, i) =>
          okValue(v) ||
          report(
            [...path, i],
            RuleErrorCode.IMPOSSIBLE_VALUE,
            `fact "${fact}" is never ${JSON.stringify(v)}; it takes ${list}`,
          ),
      );
  } else {
    report(
      path,
      RuleErrorCode.IMPOSSIBLE_VALUE,
      `operator "${operator}" never holds for fact "${fact}", which is a single value; use equal, notEqual, in or notIn`,
    );
  }
}

function siteOf(file: string, path: readonly PropertyKey[]): Site {
  if (file === 'persons.json') return 'person';
  if (file === 'location.json') return path[0] === 'overrides' ? 'location' : 'level';
  if (file === 'bill.json' && path[0] === 'hospitalAbsorbed') return 'item';
  return 'tier';
}

function walk(
  node: unknown,
  path: PropertyKey[],
  visit: (node: Record<string, unknown>, path: PropertyKey[]) => void,
): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((x, i) => walk(x, [...path, i], visit));
    return;
  }
  const obj = node as Record<string, unknown>;
  visit(obj, path);
  for (const [k, v] of Object.entries(obj)) if (k !== 'when') walk(v, [...path, k], visit);
}
