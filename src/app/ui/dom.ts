/**
 * Building the page's elements. Text always goes in as text (`textContent`), never as markup, so
 * a value from a file, a claim or the URL cannot become HTML; the one way in for markup is
 * {@link trustedMarkup}, for the charts and report fragments the library writes itself, which
 * escape every value they hold (src/simulate/report/markup.ts `esc`).
 */

/** What an element may be given: attributes (`on…` functions become listeners) and children. */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined | ((e: Event) => void)>>;
export type Child = Node | string | number | false | null | undefined | readonly Child[];

/**
 * An element with attributes and children (strings become text nodes; false, null and undefined
 * are skipped; `true` sets an attribute without value, `false` leaves it out).
 *
 * @example
 * h('label', { for: 'claim-id' }, '就诊编号 ', h('span', { class: 'en' }, 'claim id'))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (k === 'checked' && el instanceof HTMLInputElement) el.checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/**
 * Appends children (text as text nodes).
 *
 * @example
 * append(list, [h('li', {}, 'a'), 'b'])
 */
export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    if (Array.isArray(c)) append(el, c);
    else
      el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : (c as Node));
  }
}

/**
 * Replaces an element's children.
 *
 * @example
 * replace(results, h('p', {}, '无结果'))
 */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/**
 * A container holding markup the library wrote (charts, the report's answer), whose every value
 * the library has escaped. Never given text from a user, a file or the URL.
 *
 * @example
 * trustedMarkup('div', summaryHtml(report), { class: 'report' })
 */
export function trustedMarkup(tag: 'div' | 'figure', markup: string, attrs: Attrs = {}): HTMLElement {
  const el = h(tag, attrs);
  el.innerHTML = markup;
  return el;
}

/**
 * Offers a file to download (the bytes never leave the browser: a blob URL, revoked after use).
 *
 * @example
 * download(new Blob([json], { type: 'application/json' }), 'report.json')
 */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
