/**
 * The Claim view: one claim, or a person's claims of a year, from the form or pasted as JSON,
 * settled with the embedded rules in the page (no request: the library runs here). Errors are
 * shown at the field their path names, with the library's messages in the page's language.
 */
import type { ClaimIssue } from '../../errors/issue.js';
import { h, replace } from '../ui/dom.js';
import { clearFieldErrors, showFieldError } from '../ui/fields.js';
import { currentLang, t } from '../ui/lang.js';
import type { View } from '../ui/view.js';
import { WORDS, fill } from '../ui/words.js';
import { claimsOf, exampleDraft } from './claim-draft.js';
import { claimForm, fieldIdOf } from './claim-form.js';
import { claimResults } from './claim-results.js';
import { pastedClaims, settleClaims } from './settle-claims.js';

/**
 * The Claim view.
 *
 * @example
 * document.body.append(claimView().element)
 */
export function claimView(): View {
  const draft = exampleDraft();
  let mode: 'form' | 'paste' = 'form';
  let pasted = '';
  const element = h('section', { id: 'view-claim', 'aria-labelledby': 'claim-title' });
  const results = h('div', { id: 'claim-results', 'aria-live': 'polite' });
  let formHolder: HTMLElement;

  const settleForm = () => {
    const form = document.getElementById('claim-form')!;
    clearFieldErrors(form);
    const outcomes = settleClaims(
      claimsOf(draft).map((value, i) => ({ value, line: i + 1 })),
      currentLang(),
    );
    outcomes.forEach((o, k) => {
      if (!o.ok) for (const e of o.errors) placeError(k, e);
    });
    replace(results, claimResults(outcomes));
    const firstInvalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (firstInvalid) firstInvalid.focus();
  };

  const settlePasted = () => {
    const slot = document.getElementById('paste-json-error')!;
    const box = document.getElementById('paste-json')!;
    clearFieldErrors(element.querySelector('#paste-box')!);
    const outcomes = settleClaims(pastedClaims(pasted), currentLang());
    const refused = outcomes.flatMap((o) => (o.ok ? [] : [o]));
    if (refused.length > 0) {
      slot.hidden = false;
      replace(
        slot,
        h(
          'ul',
          {},
          refused.map((o) =>
            o.errors.map((e) =>
              h(
                'li',
                {},
                `${t(fill(WORDS.lineN, { n: o.line }))} · `,
                h('code', {}, e.path || '(claim)'),
                ` — ${e.message}`,
              ),
            ),
          ),
        ),
      );
      box.setAttribute('aria-invalid', 'true');
      box.setAttribute('aria-describedby', slot.id);
    }
    replace(results, claimResults(outcomes));
  };

  const drawForm = (focusId?: string) => {
    replace(
      formHolder,
      claimForm(draft, settleForm, (id) => drawForm(id)),
      formJson(),
    );
    if (focusId) document.getElementById(focusId)?.focus();
  };

  /** The JSON the form writes, for integrators to see what a billing system would send. */
  const formJson = () => {
    const pre = h('pre', { class: 'json' });
    const details = h('details', {}, h('summary', {}, t(WORDS.formJson)), pre);
    details.addEventListener('toggle', () => {
      pre.textContent = JSON.stringify(claimsOf(draft).length === 1 ? claimsOf(draft)[0] : claimsOf(draft), null, 2);
    });
    return details;
  };

  const render = () => {
    formHolder = h('div', { id: 'claim-form-holder', hidden: mode !== 'form' });
    const paste = h(
      'div',
      { id: 'paste-box', hidden: mode !== 'paste' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'paste-json' }, t(WORDS.pasteLabel)),
        h('textarea', {
          id: 'paste-json',
          rows: 12,
          spellcheck: 'false',
          oninput: (e: Event) => (pasted = (e.target as HTMLTextAreaElement).value),
        }),
        h('div', { class: 'error', id: 'paste-json-error', hidden: true }),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'settle-pasted', onclick: settlePasted }, t(WORDS.settle)),
      ),
    );
    (paste.querySelector('#paste-json') as HTMLTextAreaElement).value = pasted;
    const radio = (value: 'form' | 'paste', label: (typeof WORDS)['modeForm']) =>
      h(
        'label',
        { class: 'radio' },
        h('input', {
          type: 'radio',
          name: 'claim-mode',
          value,
          id: `claim-mode-${value}`,
          checked: mode === value,
          onchange: () => {
            mode = value;
            formHolder.hidden = mode !== 'form';
            paste.hidden = mode !== 'paste';
          },
        }),
        ` ${t(label)}`,
      );
    replace(
      element,
      h('h2', { id: 'claim-title' }, t(WORDS.claimTitle)),
      h('p', { class: 'intro' }, t(WORDS.claimIntro)),
      h(
        'fieldset',
        { class: 'mode' },
        h('legend', {}, t(WORDS.inputMode)),
        radio('form', WORDS.modeForm),
        radio('paste', WORDS.modePaste),
      ),
      formHolder,
      paste,
      results,
    );
    drawForm();
    replace(results);
  };

  /** An error at the field of its path, or at the nearest enclosing one that has a field, or at the claim. */
  const placeError = (k: number, e: ClaimIssue) => {
    const message = `${e.message} (${e.code})`;
    for (let path = e.path; ; path = path.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
      if (showFieldError(fieldIdOf(k, path), message)) return;
      if (path === '' || !/[.[]/.test(path)) break;
    }
    const slot = document.getElementById(`f-c${k}--error`);
    if (slot) {
      slot.hidden = false;
      slot.textContent = `${slot.textContent ?? ''} ${e.path ? `${e.path}: ` : ''}${message}`.trim();
    }
  };

  render();
  return { element, render };
}
