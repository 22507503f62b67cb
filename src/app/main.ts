/**
 * The policy workbench (docs/app.md): one page, three views (Claim, Rules, Reform), in Chinese
 * with an English switch, the library running in the page and the simulation in Web Workers. The
 * view is chosen by the URL fragment: `#claim`, `#rules` (`#rules/<rule set id>`), `#reform`, and
 * `#reform=…`, a reform link, which the Reform view opens and runs.
 */
import { provideAppZod } from './zod-api.js';
import { claimView } from './claim/claim-view.js';
import { reformView } from './reform/reform-view.js';
import { REFORM_PREFIX } from './reform/reform-link.js';
import { rulesView } from './rules/rules-view.js';
import { h, replace } from './ui/dom.js';
import { currentLang, setLang, t } from './ui/lang.js';
import { WORDS } from './ui/words.js';

provideAppZod();

type ViewName = 'claim' | 'rules' | 'reform';

const claim = claimView();
const rules = rulesView();
// The worker is built beside this script (scripts/build-app.ts).
const reform = reformView(new URL('./worker.js', import.meta.url));
const views: Record<ViewName, { element: HTMLElement; render(): void }> = { claim, rules, reform };
const tabs: [ViewName, (typeof WORDS)['claimTab']][] = [
  ['claim', WORDS.claimTab],
  ['rules', WORDS.rulesTab],
  ['reform', WORDS.reformTab],
];
let shown: ViewName = 'claim';

const header = h('header', { class: 'top' });
const main = h('main', { id: 'main' }, claim.element, rules.element, reform.element);

function drawHeader(): void {
  replace(
    header,
    h(
      'div',
      { class: 'title' },
      h('h1', {}, t(WORDS.title)),
      h(
        'button',
        {
          type: 'button',
          id: 'lang-switch',
          lang: currentLang() === 'en' ? 'zh-CN' : 'en',
          'aria-label': t(WORDS.switchLangLabel),
          onclick: () => {
            setLang(currentLang() === 'en' ? 'zh-CN' : 'en');
            drawHeader();
            for (const v of Object.values(views)) v.render();
            document.getElementById('lang-switch')?.focus();
          },
        },
        t(WORDS.switchLang),
      ),
    ),
    h('p', { class: 'tagline' }, t(WORDS.tagline)),
    h(
      'nav',
      { 'aria-label': t(WORDS.views) },
      h(
        'ul',
        {},
        tabs.map(([name, label]) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#${name}`, id: `tab-${name}`, 'aria-current': name === shown ? 'page' : undefined },
              t(label),
            ),
          ),
        ),
      ),
    ),
  );
}

function show(name: ViewName): void {
  shown = name;
  for (const [n, v] of Object.entries(views)) v.element.hidden = n !== name;
  for (const [n] of tabs) {
    const a = document.getElementById(`tab-${n}`);
    if (n === name) a?.setAttribute('aria-current', 'page');
    else a?.removeAttribute('aria-current');
  }
  if (name === 'reform') reform.warmUp();
}

function route(): void {
  const hash = location.hash;
  if (hash.startsWith(REFORM_PREFIX)) {
    show('reform');
    return reform.openLink(hash);
  }
  const [name, arg] = hash.slice(1).split('/');
  if (name === 'rules') {
    if (arg) rules.show(decodeURIComponent(arg));
    return show('rules');
  }
  show(name === 'reform' ? 'reform' : 'claim');
}

document.documentElement.lang = currentLang();
drawHeader();
document.getElementById('app')!.replaceChildren(header, main);
window.addEventListener('hashchange', route);
route();
