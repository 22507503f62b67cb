/**
 * The claim form: the person, then each of their claims with its visit, hospital and items. Every
 * control is labelled with its name and the contract path it fills (docs/claim.md), and has an
 * error slot whose id is the field's id followed by `-error`: the field of a claim's path `p` is
 * `f-c<k>-<p>` (the k-th claim, from 0), the person's `f-person.<field>`, so that the library's
 * errors find their field by path ({@link fieldIdOf}).
 */
import { h } from '../ui/dom.js';
import { checkbox, field, selectInput, setChoices, textInput } from '../ui/fields.js';
import { t } from '../ui/lang.js';
import { WORDS } from '../ui/words.js';
import { CHOICES, schemeOn } from './claim-choices.js';
import { type ClaimDraft, type ClaimFormDraft, nextClaim } from './claim-draft.js';

/**
 * The id of the field that holds a claim's path (`person.*` paths: the person's fields, shared
 * by every claim of the form).
 *
 * @example
 * fieldIdOf(1, 'items[0].amount') // "f-c1-items[0].amount"
 * fieldIdOf(1, 'person.county') // "f-person.county"
 */
export function fieldIdOf(claim: number, path: string): string {
  return path.startsWith('person.') ? `f-${path}` : `f-c${claim}-${path}`;
}

/**
 * The form for a draft; `changed` is called when the form's shape changes (a claim or an item
 * added or removed: the caller draws it again, then focuses `focusId`).
 *
 * @example
 * const form = claimForm(draft, onSettle, (focusId) => redraw(focusId));
 */
export function claimForm(
  draft: ClaimFormDraft,
  onSettle: () => void,
  changed: (focusId: string) => void,
): HTMLFormElement {
  const p = draft.person;
  const scheme = () => schemeOn(draft.claims[0]?.discharged ?? '');
  const county = selectInput('f-person.county', CHOICES.county(scheme()), p.county, (v) => (p.county = v));
  const category = selectInput('f-person.category', CHOICES.category(scheme()), p.category, (v) => (p.category = v));
  const areas: HTMLSelectElement[] = [];
  // A new discharge date may bring another rule set, with its own counties, areas and categories.
  const refreshScheme = () => {
    setChoices(county, CHOICES.county(scheme()), p.county);
    setChoices(category, CHOICES.category(scheme()), p.category);
    draft.claims.forEach((c, k) => areas[k] && setChoices(areas[k]!, CHOICES.area(schemeOn(c.discharged)), c.area));
  };
  const person = h(
    'fieldset',
    { class: 'person' },
    h('legend', {}, t(WORDS.person)),
    h(
      'div',
      { class: 'grid' },
      field(
        'f-person.id',
        WORDS.personId,
        textInput('f-person.id', p.id, (v) => (p.id = v)),
        'person.id',
      ),
      field('f-person.county', WORDS.county, county, 'person.county'),
      field('f-person.category', WORDS.category, category, 'person.category'),
      field(
        'f-person.illnessInduced',
        WORDS.illnessInduced,
        checkbox('f-person.illnessInduced', p.illnessInduced, (v) => (p.illnessInduced = v)),
        'person.illnessInduced',
      ),
    ),
  );
  const claims = draft.claims.map((c, k) =>
    claimFieldset(draft, c, k, changed, refreshScheme, (select) => (areas[k] = select)),
  );
  return h(
    'form',
    {
      id: 'claim-form',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        onSettle();
      },
    },
    person,
    claims,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          id: 'add-claim',
          onclick: () => {
            draft.claims.push(nextClaim(draft.claims.at(-1)!, draft.claims.length + 1));
            changed(`f-c${draft.claims.length - 1}-id`);
          },
        },
        `+ ${t(WORDS.addClaim)}`,
      ),
      h('button', { type: 'submit', class: 'primary', id: 'settle' }, t(WORDS.settle)),
    ),
  );
}

function claimFieldset(
  draft: ClaimFormDraft,
  c: ClaimDraft,
  k: number,
  changed: (focusId: string) => void,
  refreshScheme: () => void,
  keepArea: (select: HTMLSelectElement) => void,
): HTMLElement {
  const id = (path: string) => fieldIdOf(k, path);
  const text = (
    path: string,
    label: (typeof WORDS)[keyof typeof WORDS],
    get: () => string,
    set: (v: string) => void,
    attrs = {},
  ) => field(id(path), label, textInput(id(path), get(), set, attrs), path);
  const select = (
    path: string,
    label: (typeof WORDS)[keyof typeof WORDS],
    choices: ReturnType<typeof CHOICES.visitKind>,
    get: () => string,
    set: (v: string) => void,
  ) => field(id(path), label, selectInput(id(path), choices, get(), set), path);
  const check = (
    path: string,
    label: (typeof WORDS)[keyof typeof WORDS],
    get: () => boolean,
    set: (v: boolean) => void,
  ) => field(id(path), label, checkbox(id(path), get(), set), path);
  const date = { placeholder: 'YYYY-MM-DD', inputmode: 'numeric' };
  const area = selectInput(id('hospital.area'), CHOICES.area(schemeOn(c.discharged)), c.area, (v) => (c.area = v));
  keepArea(area);
  const discharged = textInput(id('visit.discharged'), c.discharged, (v) => (c.discharged = v), date);
  discharged.addEventListener('change', refreshScheme);
  const items = c.items.map((item, i) => {
    const ip = (f: string) => `items[${i}].${f}`;
    return h(
      'div',
      { class: 'item', role: 'group', 'aria-label': `${t(WORDS.itemN)} ${i + 1}` },
      select(
        ip('category'),
        WORDS.itemCategory,
        CHOICES.itemCategory(),
        () => item.category,
        (v) => (item.category = v),
      ),
      select(
        ip('catalog'),
        WORDS.catalog,
        CHOICES.catalog(),
        () => item.catalog,
        (v) => (item.catalog = v),
      ),
      text(
        ip('amount'),
        WORDS.amount,
        () => item.amount,
        (v) => (item.amount = v),
        { inputmode: 'decimal' },
      ),
      check(
        ip('compliant'),
        WORDS.compliant,
        () => item.compliant,
        (v) => (item.compliant = v),
      ),
      check(
        ip('necessary'),
        WORDS.necessary,
        () => item.necessary,
        (v) => (item.necessary = v),
      ),
      c.items.length > 1
        ? h(
            'button',
            {
              type: 'button',
              class: 'small',
              'aria-label': `${t(WORDS.removeItem)} ${i + 1}`,
              onclick: () => {
                c.items.splice(i, 1);
                changed(`add-item-${k}`);
              },
            },
            t(WORDS.remove),
          )
        : null,
    );
  });
  return h(
    'fieldset',
    { class: 'claim', id: `claim-${k}` },
    h('legend', {}, `${t(WORDS.claimN)} ${k + 1}`),
    h('p', { class: 'error', id: `f-c${k}--error`, hidden: true }),
    h(
      'div',
      { class: 'grid' },
      text(
        'id',
        WORDS.claimId,
        () => c.id,
        (v) => (c.id = v),
      ),
      select(
        'visit.kind',
        WORDS.visitKind,
        CHOICES.visitKind(),
        () => c.kind,
        (v) => (c.kind = v),
      ),
      text(
        'visit.admitted',
        WORDS.admitted,
        () => c.admitted,
        (v) => (c.admitted = v),
        date,
      ),
      field(id('visit.discharged'), WORDS.discharged, discharged, 'visit.discharged'),
      select(
        'visit.referral',
        WORDS.referral,
        CHOICES.referral(),
        () => c.referral,
        (v) => (c.referral = v),
      ),
      select(
        'visit.deliveryMode',
        WORDS.deliveryMode,
        CHOICES.deliveryMode(),
        () => c.deliveryMode,
        (v) => (c.deliveryMode = v),
      ),
      check(
        'visit.chronic',
        WORDS.chronic,
        () => c.chronic,
        (v) => (c.chronic = v),
      ),
      check(
        'visit.majorDisease',
        WORDS.majorDisease,
        () => c.majorDisease,
        (v) => (c.majorDisease = v),
      ),
      text(
        'hospital.id',
        WORDS.hospitalId,
        () => c.hospitalId,
        (v) => (c.hospitalId = v),
      ),
      text(
        'hospital.name',
        WORDS.hospitalName,
        () => c.hospitalName,
        (v) => (c.hospitalName = v),
      ),
      select(
        'hospital.level',
        WORDS.level,
        CHOICES.level(),
        () => c.level,
        (v) => (c.level = v),
      ),
      field(id('hospital.area'), WORDS.area, area, 'hospital.area'),
      check(
        'hospital.designated',
        WORDS.designated,
        () => c.designated,
        (v) => (c.designated = v),
      ),
    ),
    h('h4', {}, t(WORDS.items), ' ', h('code', { class: 'path' }, 'items[]')),
    h('p', { class: 'error', id: `${id('items')}-error`, hidden: true }),
    items,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          id: `add-item-${k}`,
          onclick: () => {
            c.items.push({ category: 'drug', catalog: 'A', amount: '', compliant: true, necessary: false });
            changed(id(`items[${c.items.length - 1}].category`));
          },
        },
        `+ ${t(WORDS.addItem)}`,
      ),
      draft.claims.length > 1
        ? h(
            'button',
            {
              type: 'button',
              onclick: () => {
                draft.claims.splice(k, 1);
                changed('add-claim');
              },
            },
            t(WORDS.removeClaim),
          )
        : null,
    ),
  );
}
