/**
 * The reform editor: parameter changes (any dated parameter of the embedded rules, its new value
 * and the date from which it applies), each rule set's tiers switched on or off and reordered,
 * and conditions replaced. Below it, the reform as `bashunwei rules diff` writes it, or what is
 * wrong with it (the rule folder checks of the library, at the change they concern).
 */
import type { RuleIssue } from '../../errors/issue.js';
import { tierFile } from '../../rule-files/types.js';
import { defaultRules } from '../../scheme/embedded.js';
import type { ParameterChange } from '../../scheme/reform.js';
import { diffRuleSets, formatRuleDiff } from '../../scheme/rules-diff.js';
import { h, replace } from '../ui/dom.js';
import { field, selectInput, textInput } from '../ui/fields.js';
import { currentLang, t } from '../ui/lang.js';
import { WORDS } from '../ui/words.js';
import { conditionsOf } from '../rules/rule-set-doc.js';
import { listParameters } from '../../scheme/parameters.js';
import type { ConditionChange, ReformSpec, TierOrder } from './reform-spec.js';
import { reformBook } from './reform-folders.js';

/** A rule set's tiers as the editor shows them: in order, each on or off. */
type TierRows = { id: string; on: boolean }[];

/** What the editor holds. */
export interface ReformDraft {
  changes: ParameterChange[];
  tiers: Map<string, TierRows>;
  conditions: ConditionChange[];
}

const baseOrder = (set: string): string[] => [
  ...defaultRules().sets.find((s) => s.id === set)!.files['ruleset.json'].tiers.order,
];

/**
 * The editor's draft of a reform.
 *
 * @example
 * draftOf({ changes: [] }).tiers.get('ziyang-2017')?.every((r) => r.on) // true
 */
export function draftOf(spec: ReformSpec): ReformDraft {
  const tiers = new Map<string, TierRows>();
  for (const s of defaultRules().sets) {
    const order = spec.tiers?.find((x) => x.set === s.id)?.order;
    const base = baseOrder(s.id);
    tiers.set(
      s.id,
      order
        ? [
            ...order.map((id) => ({ id, on: true })),
            ...base.filter((id) => !order.includes(id)).map((id) => ({ id, on: false })),
          ]
        : base.map((id) => ({ id, on: true })),
    );
  }
  return { changes: [...spec.changes], tiers, conditions: [...(spec.conditions ?? [])] };
}

/**
 * The reform a draft says (a rule set whose tiers are all on, in the shipped order, has no entry).
 *
 * @example
 * specOf(draftOf(spec))
 */
export function specOf(d: ReformDraft): ReformSpec {
  const tiers: TierOrder[] = [];
  for (const [set, rows] of d.tiers) {
    const order = rows.filter((r) => r.on).map((r) => r.id);
    if (order.join() !== baseOrder(set).join()) tiers.push({ set, order });
  }
  return {
    changes: d.changes,
    ...(tiers.length > 0 ? { tiers } : {}),
    ...(d.conditions.length > 0 ? { conditions: d.conditions } : {}),
  };
}

/**
 * A new value as typed: a list or object written in JSON is read as JSON, anything else is the
 * text itself (rule files write amounts and ratios as text: "0.30", "400").
 *
 * @example
 * typedValue('0.30') // "0.30"
 * typedValue('[{"upTo": null, "ratio": "0.50"}]') // [{ upTo: null, ratio: '0.50' }]
 */
export function typedValue(text: string): unknown {
  const s = text.trim();
  if (s.startsWith('[') || s.startsWith('{')) {
    try {
      return JSON.parse(s);
    } catch {
      return s;
    }
  }
  return s;
}

/**
 * The editor's element; `changed` is told whenever the reform changes.
 *
 * @example
 * const editor = reformEditor(draft, () => markStale());
 */
export function reformEditor(draft: ReformDraft, changed: () => void): { element: HTMLElement; refresh(): void } {
  const element = h('div', { id: 'reform-editor' });
  const sets = defaultRules().sets;
  let paramSet = sets[0]!.id;
  let param = '';
  let value = '';
  let from = '';
  let condSet = sets[0]!.id;
  let cond = '';
  let condText = '';

  const draw = (focusId?: string) => {
    const set = sets.find((s) => s.id === paramSet)!;
    const params = listParameters(set.files);
    if (!params.some((p) => `${p.file} ${p.path}` === param)) param = `${params[0]!.file} ${params[0]!.path}`;
    const chosen = params.find((p) => `${p.file} ${p.path}` === param)!;
    const conditions = conditionsOf(sets.find((s) => s.id === condSet)!);
    if (!conditions.some((c) => `${c.file} ${c.path}` === cond)) {
      cond = `${conditions[0]!.file} ${conditions[0]!.path}`;
      condText = JSON.stringify(conditions[0]!.when, null, 2);
    }
    const setChoices = sets.map((s) => ({
      value: s.id,
      label: `${s.id} — ${currentLang() === 'en' ? s.titleEn : s.title}`,
    }));
    replace(
      element,
      h(
        'fieldset',
        { id: 'parameter-change' },
        h('legend', {}, t(WORDS.changeParameter)),
        h(
          'div',
          { class: 'grid' },
          field(
            'param-set',
            WORDS.ruleSet,
            selectInput('param-set', setChoices, paramSet, (v) => ((paramSet = v), draw('param-set'))),
          ),
          field(
            'param-path',
            WORDS.parameter,
            selectInput(
              'param-path',
              params.map((p) => ({
                value: `${p.file} ${p.path}`,
                label: `${p.file} ${p.path} = ${p.values.at(-1)!.value}${p.source === 'assumed' && !p.verified ? ` (${t(WORDS.sourceAssumed)})` : ''}`,
              })),
              param,
              (v) => ((param = v), draw('param-path')),
            ),
          ),
          field(
            'param-value',
            WORDS.newValue,
            textInput('param-value', value, (v) => (value = v), { placeholder: chosen.values.at(-1)!.value }),
          ),
          field(
            'param-from',
            WORDS.fromDate,
            textInput('param-from', from, (v) => (from = v), {
              placeholder: chosen.values[0]!.date,
              inputmode: 'numeric',
            }),
          ),
        ),
        h(
          'p',
          { class: 'hint' },
          `${t(WORDS.newValueHint)}; ${t(WORDS.fromDateHint)} (${chosen.values.map((x) => `${x.date}: ${x.value}`).join(', ')})`,
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'add-change',
            onclick: () => {
              if (value.trim() === '') return document.getElementById('param-value')?.focus();
              draft.changes.push({
                set: paramSet,
                file: chosen.file,
                path: chosen.path,
                value: typedValue(value),
                ...(from.trim() === '' ? {} : { from: from.trim() }),
              });
              value = '';
              from = '';
              changed();
              draw('add-change');
            },
          },
          t(WORDS.addChange),
        ),
      ),
      h('h3', {}, t(WORDS.changes)),
      draft.changes.length === 0
        ? h('p', { id: 'no-changes' }, t(WORDS.noChanges))
        : h(
            'ol',
            { id: 'change-list' },
            draft.changes.map((c, i) =>
              removable(
                `change-${i}`,
                `${c.set ?? ''} ${c.file} ${c.path}${c.from ? ` from ${c.from}` : ''}: ${JSON.stringify(c.value)}`,
                `${c.file} ${c.path}`,
                () => {
                  draft.changes.splice(i, 1);
                  changed();
                  draw('add-change');
                },
              ),
            ),
          ),
      sets.map((s) => tierEditor(s.id, draft.tiers.get(s.id)!, (focus) => (changed(), draw(focus)))),
      h(
        'fieldset',
        { id: 'condition-change' },
        h('legend', {}, t(WORDS.changeCondition)),
        h(
          'div',
          { class: 'grid' },
          field(
            'cond-set',
            WORDS.ruleSet,
            selectInput('cond-set', setChoices, condSet, (v) => ((condSet = v), (cond = ''), draw('cond-set'))),
          ),
          field(
            'cond-path',
            WORDS.condition,
            selectInput(
              'cond-path',
              conditions.map((c) => ({ value: `${c.file} ${c.path}`, label: `${c.file} ${c.path}: ${c.text}` })),
              cond,
              (v) => {
                cond = v;
                condText = JSON.stringify(conditions.find((c) => `${c.file} ${c.path}` === v)!.when, null, 2);
                draw('cond-path');
              },
            ),
          ),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'cond-json' }, t(WORDS.conditionJson)),
          h('textarea', {
            id: 'cond-json',
            rows: 6,
            spellcheck: 'false',
            oninput: (e: Event) => (condText = (e.target as HTMLTextAreaElement).value),
          }),
          h('p', { class: 'error', id: 'cond-json-error', hidden: true }),
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'add-condition',
            onclick: () => {
              const slot = document.getElementById('cond-json-error')!;
              let when: unknown;
              try {
                when = JSON.parse(condText);
              } catch (e) {
                slot.hidden = false;
                slot.textContent = (e as Error).message;
                return document.getElementById('cond-json')?.focus();
              }
              const c = conditions.find((x) => `${x.file} ${x.path}` === cond)!;
              draft.conditions = draft.conditions.filter(
                (x) => !(x.set === condSet && x.file === c.file && x.path === c.path),
              );
              draft.conditions.push({ set: condSet, file: c.file, path: c.path, when });
              changed();
              draw('add-condition');
            },
          },
          t(WORDS.applyCondition),
        ),
        draft.conditions.length === 0
          ? null
          : h(
              'ol',
              { id: 'condition-list' },
              draft.conditions.map((c, i) =>
                removable(
                  `condition-${i}`,
                  `${c.set} ${c.file} ${c.path}: ${JSON.stringify(c.when)}`,
                  `${c.file} ${c.path}`,
                  () => {
                    draft.conditions.splice(i, 1);
                    changed();
                    draw('add-condition');
                  },
                ),
              ),
            ),
      ),
      h('h3', {}, t(WORDS.diffTitle)),
      h('div', { id: 'reform-problems', class: 'error', role: 'alert', hidden: true }),
      h('pre', { id: 'reform-diff', class: 'diff' }),
    );
    (element.querySelector('#cond-json') as HTMLTextAreaElement).value = condText;
    showDiff();
    const target = focusId === undefined ? null : document.getElementById(focusId);
    // A tier moved to an end: its button that way is now disabled, so its check box takes the focus.
    if (target instanceof HTMLButtonElement && target.disabled) target.closest('li')?.querySelector('input')?.focus();
    else target?.focus();
  };

  /** The reform as rules diff writes it, or its problems (each also at the change it concerns). */
  const showDiff = () => {
    const problems = element.querySelector<HTMLElement>('#reform-problems')!;
    const diff = element.querySelector<HTMLElement>('#reform-diff')!;
    const r = reformBook(specOf(draft));
    if (!r.ok) {
      showRuleIssues(r.errors);
      diff.textContent = '';
      return;
    }
    problems.hidden = true;
    const base = defaultRules();
    diff.textContent =
      base.sets
        .map((s) => diffRuleSets(s, r.value.sets.find((x) => x.id === s.id)!))
        .filter((d) => d.changes.length > 0)
        .map(formatRuleDiff)
        .join('\n') || t(WORDS.noChanges);
  };

  /** Rule problems of the reform: in the list above the diff, and at each change whose file and path they name. */
  const showRuleIssues = (issues: readonly RuleIssue[]) => {
    const problems = element.querySelector<HTMLElement>('#reform-problems')!;
    problems.hidden = false;
    replace(
      problems,
      h('p', {}, t(WORDS.ruleProblems)),
      h(
        'ul',
        {},
        issues.map((i) => h('li', {}, h('code', {}, `${i.file} ${i.path}`), ` — ${i.message} (${i.code})`)),
      ),
    );
    draft.changes.forEach((c, k) => {
      const mine = issues.filter((i) => i.file.endsWith(c.file) && i.path.startsWith(c.path));
      const slot = document.getElementById(`change-${k}-error`);
      if (slot && mine.length > 0) {
        slot.hidden = false;
        slot.textContent = mine.map((i) => i.message).join(' ');
      }
    });
  };

  draw();
  return { element, refresh: () => draw() };
}

/** One change of a list: what it says, its remove button (named for screen readers), its error slot. */
function removable(id: string, text: string, name: string, remove: () => void): HTMLElement {
  return h(
    'li',
    { id },
    h('code', {}, text),
    ' ',
    h(
      'button',
      { type: 'button', class: 'small', 'aria-label': `${t(WORDS.remove)} ${name}`, onclick: remove },
      t(WORDS.remove),
    ),
    h('p', { class: 'error', id: `${id}-error`, hidden: true }),
  );
}

/** One rule set's tiers: a check box to switch each on or off, buttons to move it. */
function tierEditor(set: string, rows: TierRows, changed: (focusId: string) => void): HTMLElement {
  const files = defaultRules().sets.find((s) => s.id === set)!.files as unknown as Record<
    string,
    { tier: number; label: string; labelEn?: string }
  >;
  const en = currentLang() === 'en';
  const move = (i: number, by: number, focus: string) => {
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    changed(focus);
  };
  return h(
    'fieldset',
    { class: 'tier-order', id: `tiers-${set}` },
    h('legend', {}, `${set}: ${t(WORDS.tiersOfSet)}`),
    h(
      'ol',
      {},
      rows.map((r, i) => {
        const f = files[tierFile(r.id)]!;
        const id = `tier-${set}-${r.id}`;
        const name = `${t(WORDS.tier)} ${f.tier} ${en ? (f.labelEn ?? f.label) : f.label}`;
        return h(
          'li',
          { class: r.on ? 'on' : 'off' },
          h('input', {
            type: 'checkbox',
            id,
            checked: r.on,
            onchange: (e: Event) => {
              r.on = (e.target as HTMLInputElement).checked;
              changed(id);
            },
          }),
          h('label', { for: id }, `${name} `, h('code', {}, r.id)),
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              id: `${id}-up`,
              disabled: i === 0,
              'aria-label': `${t(WORDS.moveUp)}: ${name}`,
              onclick: () => move(i, -1, `tier-${set}-${r.id}-up`),
            },
            '↑',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              id: `${id}-down`,
              disabled: i === rows.length - 1,
              'aria-label': `${t(WORDS.moveDown)}: ${name}`,
              onclick: () => move(i, 1, `tier-${set}-${r.id}-down`),
            },
            '↓',
          ),
        );
      }),
    ),
  );
}
