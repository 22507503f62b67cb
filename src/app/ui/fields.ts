/**
 * Labelled form fields with a place for their error: every control has a `<label for>`, and an
 * error, when there is one, is written next to the control, linked to it (`aria-describedby`)
 * and marked (`aria-invalid`), so that a screen reader reads it with the field.
 */
import type { Words } from '../../i18n/say.js';
import { h } from './dom.js';
import { t } from './lang.js';

/** One option of a select: its value and what it shows. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/**
 * A field: its label (with the contract path it fills, when given), its control and its error slot.
 *
 * @example
 * field('f-person.id', WORDS.personId, textInput('f-person.id', draft.id, (v) => (draft.id = v)), 'person.id')
 */
export function field(id: string, label: Words, control: HTMLElement, path?: string): HTMLElement {
  return h(
    'div',
    { class: control instanceof HTMLInputElement && control.type === 'checkbox' ? 'field check' : 'field' },
    h('label', { for: id }, t(label), path ? h('code', { class: 'path' }, path) : null),
    control,
    h('p', { class: 'error', id: `${id}-error`, hidden: true }),
  );
}

/**
 * A text input that tells `onInput` every change.
 *
 * @example
 * textInput('f-c0-id', 'C01', (v) => (claim.id = v))
 */
export function textInput(
  id: string,
  value: string,
  onInput: (value: string) => void,
  attrs: Readonly<Record<string, string>> = {},
): HTMLInputElement {
  return h('input', {
    id,
    type: 'text',
    value,
    autocomplete: 'off',
    spellcheck: 'false',
    ...attrs,
    oninput: (e: Event) => onInput((e.target as HTMLInputElement).value),
  });
}

/**
 * A select; a value that is not among the choices stays selectable (shown as itself), so that the
 * library, not the form, says what is wrong with it.
 *
 * @example
 * selectInput('f-c0-visit.kind', kinds, 'inpatient', (v) => (claim.kind = v))
 */
export function selectInput(
  id: string,
  choices: readonly Choice[],
  value: string,
  onChange: (value: string) => void,
): HTMLSelectElement {
  const select = h('select', { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) });
  setChoices(select, choices, value);
  return select;
}

/**
 * Replaces a select's choices, keeping its value.
 *
 * @example
 * setChoices(countySelect, countiesOf(scheme), draft.person.county)
 */
export function setChoices(select: HTMLSelectElement, choices: readonly Choice[], value: string): void {
  const all = choices.some((c) => c.value === value) ? choices : [...choices, { value, label: value }];
  select.replaceChildren(...all.map((c) => h('option', { value: c.value }, c.label)));
  select.value = value;
}

/**
 * A check box.
 *
 * @example
 * checkbox('f-person.illnessInduced', true, (v) => (person.illnessInduced = v))
 */
export function checkbox(id: string, checked: boolean, onChange: (checked: boolean) => void): HTMLInputElement {
  return h('input', {
    id,
    type: 'checkbox',
    checked,
    onchange: (e: Event) => onChange((e.target as HTMLInputElement).checked),
  });
}

/**
 * Shows an error in the slot of a field (or of a group of fields: `items`), marking the control
 * when there is one; false when the page has no such slot.
 *
 * @example
 * showFieldError('f-c0-items[2].amount', '金额格式不正确') // true
 */
export function showFieldError(id: string, message: string): boolean {
  const slot = document.getElementById(`${id}-error`);
  if (!slot) return false;
  slot.textContent = slot.hidden ? message : `${slot.textContent} ${message}`;
  slot.hidden = false;
  const control = document.getElementById(id);
  control?.setAttribute('aria-invalid', 'true');
  control?.setAttribute('aria-describedby', slot.id);
  return true;
}

/**
 * Clears every field error under `root`.
 *
 * @example
 * clearFieldErrors(form)
 */
export function clearFieldErrors(root: Element): void {
  for (const slot of root.querySelectorAll<HTMLElement>('.error')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const c of root.querySelectorAll('[aria-invalid]')) {
    c.removeAttribute('aria-invalid');
    c.removeAttribute('aria-describedby');
  }
}
