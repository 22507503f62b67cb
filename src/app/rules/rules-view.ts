/**
 * The Rules view: an embedded rule set read like a policy document (rule-set-doc.ts), the values
 * to confirm first. Everything shown comes from the rule files the page settles with.
 */
import { defaultRules } from '../../scheme/embedded.js';
import { h, replace } from '../ui/dom.js';
import { currentLang, t } from '../ui/lang.js';
import type { View } from '../ui/view.js';
import { WORDS, fill } from '../ui/words.js';
import { type ConditionDoc, type ParameterDoc, ruleSetDoc } from './rule-set-doc.js';

/**
 * The Rules view (`#rules/<rule set id>` opens a rule set).
 *
 * @example
 * document.body.append(rulesView().element)
 */
export function rulesView(): View & { show(set: string): void } {
  const element = h('section', { id: 'view-rules', 'aria-labelledby': 'rules-title' });
  let chosen = defaultRules().sets[0]!.id;
  const render = () => {
    const sets = defaultRules().sets;
    const set = sets.find((s) => s.id === chosen) ?? sets[0]!;
    const select = h(
      'select',
      {
        id: 'rules-set',
        onchange: (e: Event) => {
          chosen = (e.target as HTMLSelectElement).value;
          render();
          document.getElementById('rules-set')?.focus();
        },
      },
      sets.map((s) => h('option', { value: s.id }, `${s.id} — ${currentLang() === 'en' ? s.titleEn : s.title}`)),
    );
    select.value = set.id;
    replace(
      element,
      h('h2', { id: 'rules-title' }, t(WORDS.rulesTitle)),
      h('p', { class: 'intro' }, t(WORDS.rulesIntro)),
      h('div', { class: 'field' }, h('label', { for: 'rules-set' }, t(WORDS.ruleSet)), select),
      ruleSetDocument(set.id),
    );
  };
  render();
  return {
    element,
    render,
    show: (id) => {
      if (defaultRules().sets.some((s) => s.id === id) && id !== chosen) {
        chosen = id;
        render();
      }
    },
  };
}

function ruleSetDocument(id: string): HTMLElement {
  const set = defaultRules().sets.find((s) => s.id === id)!;
  const doc = ruleSetDoc(set);
  const en = currentLang() === 'en';
  return h(
    'article',
    { class: 'rule-set', id: `rule-set-${doc.id}` },
    h('h3', {}, en ? doc.titleEn : doc.title),
    h(
      'dl',
      { class: 'figures' },
      h('dt', {}, t(WORDS.ruleSet)),
      h('dd', {}, h('code', {}, doc.id)),
      h('dt', {}, t(WORDS.inForce)),
      h(
        'dd',
        {},
        doc.inForce.to === null
          ? t(fill(WORDS.fromOn, { from: doc.inForce.from }))
          : `${doc.inForce.from} – ${doc.inForce.to}`,
      ),
      h('dt', {}, t(WORDS.versions)),
      h('dd', {}, doc.versions.join(', ')),
      h('dt', {}, t(WORDS.reference)),
      h('dd', {}, doc.reference),
    ),
    h(
      'section',
      { class: 'to-confirm', id: 'to-confirm', 'aria-labelledby': 'to-confirm-title' },
      h('h3', { id: 'to-confirm-title' }, `${t(WORDS.toConfirm)} (${doc.toConfirm.length})`),
      h('p', {}, t(WORDS.toConfirmIntro)),
      parameterTable(doc.toConfirm, true),
      doc.assumedRules.length === 0
        ? null
        : [
            h('h4', {}, `${t(WORDS.assumedRules)} (${doc.assumedRules.length})`),
            h(
              'ul',
              { class: 'assumed-rules' },
              doc.assumedRules.map((r) =>
                h(
                  'li',
                  {},
                  h('code', {}, `${r.file} ${r.path}`),
                  r.clause ? ` (${t(WORDS.clause)} ${r.clause})` : '',
                  ` — ${r.summary}`,
                ),
              ),
            ),
          ],
    ),
    h('h3', {}, t(WORDS.tiersInOrder)),
    h(
      'ol',
      { class: 'tiers' },
      doc.tiers.map((tier) =>
        h(
          'li',
          { id: `tier-${tier.id}`, class: 'tier' },
          h('h4', {}, `${t(WORDS.tier)} ${tier.tier} · ${en ? tier.labelEn : tier.label}`, ' ', h('code', {}, tier.id)),
          h(
            'dl',
            { class: 'figures' },
            h('dt', {}, t(WORDS.kind)),
            h('dd', {}, h('code', {}, tier.kind)),
            h('dt', {}, t(WORDS.payer)),
            h('dd', {}, tier.payer),
            h('dt', {}, t(WORDS.clause)),
            h('dd', {}, tier.clause),
          ),
          conditionList(tier.conditions),
          tier.parameters.length === 0 ? null : parameterTable(tier.parameters, false),
        ),
      ),
    ),
    h('h3', {}, t(WORDS.otherFiles)),
    doc.otherFiles.map((f) =>
      h(
        'section',
        { class: 'other-file' },
        h('h4', {}, h('code', {}, f.file)),
        conditionList(f.conditions),
        f.parameters.length === 0 ? null : parameterTable(f.parameters, false),
      ),
    ),
  );
}

function conditionList(conditions: readonly ConditionDoc[]): HTMLElement | null {
  if (conditions.length === 0) return null;
  const en = currentLang() === 'en';
  return h(
    'ul',
    { class: 'conditions', 'aria-label': t(WORDS.conditions) },
    conditions.map((c) =>
      h(
        'li',
        {},
        h('code', { class: 'path' }, c.path),
        c.description ? ` ${en ? c.description.en : c.description.zh}: ` : ' ',
        h('span', { class: 'condition' }, c.text || t(WORDS.always)),
        c.clause ? ` (${t(WORDS.clause)} ${c.clause})` : '',
      ),
    ),
  );
}

function parameterTable(parameters: readonly ParameterDoc[], withFile: boolean): HTMLElement {
  const source = (p: ParameterDoc) =>
    p.source === 'seed'
      ? t(WORDS.sourceSeed)
      : `${t(WORDS.sourceAssumed)}${p.verified ? '' : ` · ${t(WORDS.verifiedNo)}`}`;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'parameters' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          (withFile ? [WORDS.file, WORDS.path] : [WORDS.path]).map((w) => h('th', { scope: 'col' }, t(w))),
          [WORDS.clause, WORDS.source, WORDS.values].map((w) => h('th', { scope: 'col' }, t(w))),
        ),
      ),
      h(
        'tbody',
        {},
        parameters.map((p) =>
          h(
            'tr',
            { class: p.source === 'assumed' && !p.verified ? 'assumed' : undefined },
            withFile ? h('td', {}, h('code', {}, p.file)) : null,
            h('td', {}, h('code', {}, p.path)),
            h('td', {}, p.clause),
            h('td', { class: 'source' }, source(p)),
            h(
              'td',
              {},
              h(
                'ul',
                { class: 'values' },
                p.values.map((x) => h('li', {}, `${x.date}: `, h('code', {}, x.value))),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
