/**
 * What changed between two rule sets, for a policy officer: the period, the tiers (added or
 * removed with their parameters and conditions, moved, renumbered, of another kind), the scheme's
 * lists (counties, areas, categories, groups, table rows), every dated value (per date: added,
 * removed, changed), every condition (added, removed or changed, written out readably), and the
 * other fields that change what is paid. Tier files are matched by tier id, so a tier that moves
 * is compared with itself. What is removed cites the clause of the rule set it is removed from,
 * what is added or changed the clause of the one it is added to. `bashunwei rules diff A B` prints
 * it; simulation reports list it for a reform given as a folder.
 */
import type { RuleBook } from './book.js';
import type { Condition } from '../rule-files/conditions.js';
import type { RuleSet } from './compile.js';
import { NO_END, inForceJson } from './compile.js';
import { type TierFile, orderedTiers } from '../rule-files/types.js';

/** The kinds of change a diff lists. */
export type RuleChangeKind =
  | 'rule-set-added'
  | 'rule-set-removed'
  | 'period'
  | 'tier-added'
  | 'tier-removed'
  | 'tier-moved'
  | 'tier-renumbered'
  | 'value-added'
  | 'value-removed'
  | 'value-changed'
  | 'condition-added'
  | 'condition-removed'
  | 'condition-changed'
  | 'field-added'
  | 'field-removed'
  | 'field-changed';

/** One change between two rule sets. */
export interface RuleChange {
  readonly kind: RuleChangeKind;
  /** The rule set the change is in, when rule books are compared ({@link diffRuleBooks}). */
  readonly ruleSet?: string;
  /** The rule file (`tiers/<id>.json` for a tier) and the path in it (`rows.county.ratio`). */
  readonly file: string;
  readonly path: string;
  /** The clause that governs the changed value, when the file names one. */
  readonly clause?: string;
  /** For a dated value: the first discharge date of the value that changed. */
  readonly date?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * A tier added or removed whole (`after` of `tier-added`, `before` of `tier-removed`): its header,
 * and what it pays on: each dated value and each condition, as the tier file writes them.
 */
export interface TierSummary {
  readonly tier: number;
  readonly label: string;
  readonly kind: string;
  readonly clause: string;
  /** Its dated parameters, one per date: path in the tier file, clause, first date, value. */
  readonly parameters: readonly {
    readonly path: string;
    readonly clause?: string;
    readonly date: string;
    readonly value: unknown;
  }[];
  /** Its conditions (who and which visits it is for, its rows …), written out. */
  readonly conditions: readonly { readonly path: string; readonly clause?: string; readonly when: string }[];
}

/** The changes from one rule set to another. */
export interface RuleDiff {
  readonly from: { readonly id: string; readonly title: string };
  readonly to: { readonly id: string; readonly title: string };
  readonly changes: readonly RuleChange[];
}

/** The collections of the format keyed by id, whose order is the order rules are tried in. */
const KEYED = new Set([
  'rows',
  'levels',
  'overrides',
  'targets',
  'adjustments',
  'hospitalAbsorbed',
  'funds',
  'shares',
  'categories',
  'counties',
  'elsewhere',
]);

/** Keys that say nothing about what is paid: editors' schema, comments, notes. */
const IGNORED = new Set(['$schema', '$comment', 'note']);

/**
 * The changes from rule set `a` to rule set `b`.
 *
 * @example
 * diffRuleSets(ziyang2017, ziyang2022).changes.filter((c) => c.kind === 'tier-added')
 */
export function diffRuleSets(a: RuleSet, b: RuleSet): RuleDiff {
  const changes: RuleChange[] = [];
  // A change under no clause has none (rather than an empty one).
  const add = (c: RuleChange): void => {
    changes.push(c.clause === '' ? (({ clause: _, ...rest }) => rest)(c) : c);
  };
  const ra = a.files['ruleset.json'];
  const rb = b.files['ruleset.json'];
  const period = (s: RuleSet) =>
    s.inForce.to === NO_END ? `from ${s.inForce.from}` : `${s.inForce.from} to ${s.inForce.to}`;
  if (period(a) !== period(b))
    add({ kind: 'period', file: 'ruleset.json', path: 'inForce', before: period(a), after: period(b) });

  // Tiers, matched by id; one added or removed whole comes with what it pays on.
  const ta = orderedTiers(a.files);
  const tb = orderedTiers(b.files);
  for (const t of ta)
    if (!tb.some((x) => x.id === t.id))
      add({ kind: 'tier-removed', file: `tiers/${t.id}.json`, path: '', before: summarise(t, 'removed') });
  for (const t of tb)
    if (!ta.some((x) => x.id === t.id))
      add({ kind: 'tier-added', file: `tiers/${t.id}.json`, path: '', after: summarise(t, 'added') });
  const common = tb.filter((t) => ta.some((x) => x.id === t.id)).map((t) => t.id);
  const orderA = ta.map((t) => t.id).filter((id) => common.includes(id));
  if (orderA.join() !== common.join())
    add({ kind: 'tier-moved', file: 'ruleset.json', path: 'tiers.order', before: orderA, after: common });

  // Every file both have (tier files of common tiers), walked together.
  const files = new Set(
    [...Object.keys(a.files), ...Object.keys(b.files)].filter(
      (f) => f !== 'ruleset.json' && (!f.startsWith('tiers/') || common.includes(f.slice(6, -5))),
    ),
  );
  for (const file of [...files].sort()) {
    const x = (a.files as unknown as Record<string, unknown>)[file];
    const y = (b.files as unknown as Record<string, unknown>)[file];
    if (x === undefined) add({ kind: 'field-added', file, path: '', after: '(the whole file)' });
    else if (y === undefined) add({ kind: 'field-removed', file, path: '', before: '(the whole file)' });
    else walk(file, x, y, [], { before: '', after: '' }, add);
  }
  return { from: { id: ra.id, title: ra.title }, to: { id: rb.id, title: rb.title }, changes };
}

/**
 * The changes from rule book `a` to rule book `b`, set by set, each with its rule set: sets of the
 * same id are compared; a lone set on each side (a reform folder with an id of its own) is
 * compared with the other; any other set is `rule-set-added` or `rule-set-removed` whole.
 *
 * @example
 * diffRuleBooks(defaultRules(), reform) // [{ ruleSet: "ziyang-2017", kind: "value-changed", file: "tiers/tilt-payment.json", path: "shares.in-scope.ratio", … }]
 */
export function diffRuleBooks(a: RuleBook, b: RuleBook): RuleChange[] {
  const pairs: [RuleSet | undefined, RuleSet | undefined][] = [];
  const left = a.sets.filter((s) => !b.sets.some((t) => t.id === s.id));
  const right = b.sets.filter((t) => !a.sets.some((s) => s.id === t.id));
  for (const s of a.sets) {
    const t = b.sets.find((x) => x.id === s.id);
    if (t) pairs.push([s, t]);
  }
  if (left.length === 1 && right.length === 1) pairs.push([left[0], right[0]]);
  else
    pairs.push(
      ...left.map((s): [RuleSet, undefined] => [s, undefined]),
      ...right.map((t): [undefined, RuleSet] => [undefined, t]),
    );
  const whole = (s: RuleSet) => ({ id: s.id, title: s.title, inForce: inForceJson(s.inForce) });
  return pairs.flatMap(([s, t]): RuleChange[] => {
    if (!t) return [{ ruleSet: s!.id, kind: 'rule-set-removed', file: 'ruleset.json', path: '', before: whole(s!) }];
    if (!s) return [{ ruleSet: t.id, kind: 'rule-set-added', file: 'ruleset.json', path: '', after: whole(t) }];
    return diffRuleSets(s, t).changes.map((c) => ({ ruleSet: t.id, ...c }));
  });
}

/** The clause governing a place on each side: what is removed cites A's, what is added or changed B's. */
interface Clauses {
  readonly before: string;
  readonly after: string;
}

function walk(
  file: string,
  x: unknown,
  y: unknown,
  path: readonly string[],
  clauses: Clauses,
  add: (c: RuleChange) => void,
): void {
  const at = path.join('.');
  if (isDated(x) && isDated(y)) {
    // A parameter may name its own clause.
    const before = typeof x.clause === 'string' ? x.clause : clauses.before;
    const clause = typeof y.clause === 'string' ? y.clause : clauses.after;
    for (const date of [...new Set([...Object.keys(x.values), ...Object.keys(y.values)])].sort()) {
      const was = x.values[date];
      const is = y.values[date];
      if (was === undefined) add({ kind: 'value-added', file, path: at, clause, date, after: is });
      else if (is === undefined) add({ kind: 'value-removed', file, path: at, clause: before, date, before: was });
      else if (!same(was, is)) add({ kind: 'value-changed', file, path: at, clause, date, before: was, after: is });
    }
    for (const k of ['source', 'verified'] as const)
      if (x[k] !== y[k]) add({ kind: 'field-changed', file, path: `${at}.${k}`, clause, before: x[k], after: y[k] });
    return;
  }
  if (isObject(x) && isObject(y)) {
    const here: Clauses = {
      before: typeof x.clause === 'string' ? x.clause : clauses.before,
      after: typeof y.clause === 'string' ? y.clause : clauses.after,
    };
    // Rules keyed by id are tried in the order written: a new order is a change (the order of a
    // file's own fields means nothing).
    const both = Object.keys(x).filter((k) => k in y && !IGNORED.has(k));
    const orderY = Object.keys(y).filter((k) => both.includes(k));
    if (KEYED.has(String(path.at(-1))) && both.join() !== orderY.join())
      add({
        kind: 'field-changed',
        file,
        path: at === '' ? '(order)' : `${at} (order)`,
        clause: here.after,
        before: both,
        after: orderY,
      });
    for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])]) {
      if (IGNORED.has(k)) continue;
      const p = [...path, k];
      if (!(k in y)) explode(file, x[k], p, here.before, 'removed', add);
      else if (!(k in x)) explode(file, y[k], p, here.after, 'added', add);
      else if (k === 'when') {
        if (!same(x[k], y[k]))
          add({
            kind: 'condition-changed',
            file,
            path: p.join('.'),
            clause: here.after,
            before: conditionText(x[k] as Condition),
            after: conditionText(y[k] as Condition),
          });
      } else if (k === 'tier' && path.length === 0 && file.startsWith('tiers/') && x[k] !== y[k])
        // A tier's number is what its settlement line shows: renumbering belongs with the tiers.
        add({ kind: 'tier-renumbered', file, path: k, clause: here.after, before: x[k], after: y[k] });
      else walk(file, x[k], y[k], p, here, add);
    }
    return;
  }
  if (!same(x, y)) add({ kind: 'field-changed', file, path: at, clause: clauses.after, before: x, after: y });
}

/** A tier added or removed whole: its header, its dated values and its conditions. */
function summarise(t: TierFile, sign: 'added' | 'removed'): TierSummary {
  const parts: RuleChange[] = [];
  explode(`tiers/${t.id}.json`, t, [], t.clause, sign, (c) => parts.push(c));
  const clause = (c: RuleChange) => (c.clause ? { clause: c.clause } : {});
  const value = (c: RuleChange) => (sign === 'added' ? c.after : c.before);
  return {
    tier: t.tier,
    label: t.label,
    kind: t.kind,
    clause: t.clause,
    parameters: parts
      .filter((c) => c.kind === 'value-added' || c.kind === 'value-removed')
      .map((c) => ({ path: c.path, ...clause(c), date: c.date!, value: value(c) })),
    conditions: parts
      .filter((c) => c.kind === 'condition-added' || c.kind === 'condition-removed')
      .map((c) => ({ path: c.path, ...clause(c), when: String(value(c)) })),
  };
}

/** Lists what a part only one side has holds: its dated values date by date, its conditions written out, its other fields. */
function explode(
  file: string,
  v: unknown,
  path: readonly string[],
  clause: string,
  sign: 'added' | 'removed',
  add: (c: RuleChange) => void,
): void {
  const at = path.join('.');
  const side = (value: unknown) => (sign === 'added' ? { after: value } : { before: value });
  if (isDated(v)) {
    const own = typeof v.clause === 'string' ? v.clause : clause;
    for (const date of Object.keys(v.values).sort())
      add({
        kind: sign === 'added' ? 'value-added' : 'value-removed',
        file,
        path: at,
        clause: own,
        date,
        ...side(v.values[date]),
      });
    return;
  }
  if (isObject(v)) {
    const here = typeof v.clause === 'string' ? v.clause : clause;
    for (const [k, x] of Object.entries(v)) {
      if (IGNORED.has(k) || k === 'clause' || k === 'source' || k === 'verified') continue;
      if (k === 'when')
        add({
          kind: sign === 'added' ? 'condition-added' : 'condition-removed',
          file,
          path: [...path, k].join('.'),
          clause: here,
          ...side(conditionText(x as Condition)),
        });
      else explode(file, x, [...path, k], here, sign, add);
    }
    return;
  }
  add({ kind: sign === 'added' ? 'field-added' : 'field-removed', file, path: at, clause, ...side(v) });
}

/**
 * A condition written for people: `visitKind = delivery and protected = true`.
 *
 * @example
 * conditionText({ all: [{ fact: 'group', operator: 'in', value: ['core', 'marginal'] }] }) // "group ∈ {core, marginal}"
 */
export function conditionText(c: Condition): string {
  if ('all' in c) return c.all.length === 0 ? 'always' : c.all.map((x) => wrap(x, conditionText(x))).join(' and ');
  if ('any' in c) return c.any.map((x) => wrap(x, conditionText(x))).join(' or ');
  if ('not' in c) return `not (${conditionText(c.not)})`;
  const v = (x: unknown): string => (Array.isArray(x) ? `{${x.map(String).join(', ')}}` : String(x));
  const op: Record<string, string> = {
    equal: '=',
    notEqual: '≠',
    in: '∈',
    notIn: '∉',
    lessThan: '<',
    lessThanInclusive: '≤',
    greaterThan: '>',
    greaterThanInclusive: '≥',
    contains: 'contains',
    doesNotContain: 'does not contain',
  };
  return `${c.fact} ${op[c.operator] ?? c.operator} ${v(c.value)}`;
}

function wrap(c: Condition, text: string): string {
  return ('all' in c && c.all.length > 1) || ('any' in c && c.any.length > 1) ? `(${text})` : text;
}

/**
 * The diff as text, one change per line, grouped: period and tiers first, then values, conditions
 * and the other fields.
 *
 * @example
 * console.log(formatRuleDiff(diffRuleSets(a, b)))
 */
export function formatRuleDiff(d: RuleDiff): string {
  const groups: [string, RuleChangeKind[]][] = [
    [
      'Rule sets, period and tiers',
      ['rule-set-added', 'rule-set-removed', 'period', 'tier-added', 'tier-removed', 'tier-moved', 'tier-renumbered'],
    ],
    ['Values', ['value-added', 'value-removed', 'value-changed']],
    ['Conditions', ['condition-added', 'condition-removed', 'condition-changed']],
    ['Other fields', ['field-added', 'field-removed', 'field-changed']],
  ];
  const out = [`${d.from.id} → ${d.to.id}: ${d.changes.length} change${d.changes.length === 1 ? '' : 's'}`];
  for (const [title, kinds] of groups) {
    const cs = d.changes.filter((c) => kinds.includes(c.kind));
    if (cs.length > 0) out.push('', `${title} (${cs.length})`, ...cs.map((c) => `  ${formatRuleChange(c)}`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * One change as a line of text: `+` added, `-` removed, `~` changed, with its file, path, clause and date.
 *
 * @example
 * formatRuleChange({ kind: 'value-changed', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', date: '2017-03-17', before: '0.20', after: '0.30' })
 * // "~ tiers/tilt-payment.json shares.in-scope.ratio from 2017-03-17: 0.20 → 0.30"
 */
export function formatRuleChange(c: RuleChange): string {
  const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  const where = `${c.file}${c.path ? ` ${c.path}` : ''}${c.clause ? ` (clause ${c.clause})` : ''}`;
  switch (c.kind) {
    case 'rule-set-added':
      return `+ rule set ${c.ruleSet ?? ''}: ${show(c.after)}`;
    case 'rule-set-removed':
      return `- rule set ${c.ruleSet ?? ''}: ${show(c.before)}`;
    case 'period':
      return `~ period: ${show(c.before)} → ${show(c.after)}`;
    case 'tier-added':
      return tierLines('+', c.file, c.after as TierSummary);
    case 'tier-removed':
      return tierLines('-', c.file, c.before as TierSummary);
    case 'tier-moved':
      return `~ order of the tiers both have: ${(c.before as string[]).join(', ')} → ${(c.after as string[]).join(', ')}`;
    case 'tier-renumbered':
      return `~ tier ${c.file.slice(6, -5)} renumbered${c.clause ? ` (clause ${c.clause})` : ''}: ${show(c.before)} → ${show(c.after)}`;
    case 'value-added':
      return `+ ${where} from ${c.date}: ${show(c.after)}`;
    case 'value-removed':
      return `- ${where} from ${c.date}: ${show(c.before)}`;
    case 'value-changed':
      return `~ ${where} from ${c.date}: ${show(c.before)} → ${show(c.after)}`;
    case 'condition-added':
      return `+ ${where}: when ${show(c.after)}`;
    case 'condition-removed':
      return `- ${where}: when ${show(c.before)}`;
    case 'condition-changed':
      return `~ ${where}: when ${show(c.before)} → when ${show(c.after)}`;
    case 'field-added':
      return `+ ${where}: ${show(c.after)}`;
    case 'field-removed':
      return `- ${where}: ${show(c.before)}`;
    case 'field-changed':
      return `~ ${where}: ${show(c.before)} → ${show(c.after)}`;
  }
}

/** A tier added or removed whole, with its parameters and conditions on the lines below it. */
function tierLines(sign: '+' | '-', file: string, t: TierSummary): string {
  const clause = (x: { clause?: string }) => (x.clause ? ` (clause ${x.clause})` : '');
  const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return [
    `${sign} tier ${t.tier} ${file.slice(6, -5)} ${t.label} (${t.kind}${t.clause ? `, clause ${t.clause}` : ''})`,
    ...t.conditions.map((c) => `      ${c.path}${clause(c)}: when ${c.when}`),
    ...t.parameters.map((p) => `      ${p.path}${clause(p)} from ${p.date}: ${value(p.value)}`),
  ].join('\n');
}

interface DatedLike {
  readonly source: unknown;
  readonly clause?: unknown;
  readonly verified?: unknown;
  readonly values: Readonly<Record<string, unknown>>;
}

function isDated(v: unknown): v is DatedLike {
  return isObject(v) && (v.source === 'seed' || v.source === 'assumed') && isObject(v.values);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Equal JSON values, object keys in any order (a rule file's fields mean the same in any order).
 *
 * @example
 * same({ a: 1, b: [2] }, { b: [2], a: 1 }) // true
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}
