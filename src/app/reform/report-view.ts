/**
 * The report of a run, as the page shows it: the answer first (the report's own summary: the net
 * change per payer and for the patients, the diverging chart, by county and pathway, who gains
 * and who loses by category and county), then the distribution of personal pay under each rule
 * book, then the downloads (the reform as a rule folder zip, the report as HTML and JSON). The
 * report JSON itself is put in `<script type="application/json" id="report-json">` for tools and
 * tests to read: the JSON `bashunwei simulate` prints for the same claims and rules.
 */
import { bracketChart } from '../../simulate/report/charts.js';
import { showFigure } from '../../simulate/report/display.js';
import { simulationHtml, summaryHtml } from '../../simulate/report/html.js';
import type { SimulationReport } from '../../simulate/report/summary.js';
import { download, h, trustedMarkup } from '../ui/dom.js';
import { t } from '../ui/lang.js';
import { WORDS } from '../ui/words.js';

/** The id of the element that holds the report JSON when a run has ended. */
export const REPORT_JSON_ID = 'report-json';

/**
 * The report JSON as `bashunwei simulate` prints it (two-space indentation, a final newline).
 *
 * @example
 * reportJsonText(report) === execSync('bashunwei simulate …').toString() // for the same claims and rules
 */
export function reportJsonText(report: SimulationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The `<script type="application/json">` element holding the report (a data block: never run; `<`
 * written as `\u003c` so that no text of the report can close the element if the page is saved).
 *
 * @example
 * document.body.append(reportJsonElement(report))
 */
export function reportJsonElement(report: SimulationReport): HTMLScriptElement {
  const el = document.createElement('script');
  el.type = 'application/json';
  el.id = REPORT_JSON_ID;
  el.textContent = reportJsonText(report).replace(/</g, '\\u003c');
  return el;
}

/**
 * The report's section: what was run, the answer, the distribution, the downloads.
 *
 * @example
 * replace(holder, reportSection(report, '2,000 claims, synthetic population (seed 7, 2023)', () => reformZipBytes()))
 */
export function reportSection(report: SimulationReport, what: string, zip: () => Uint8Array): HTMLElement {
  const json = reportJsonText(report);
  return h(
    'section',
    { id: 'report', 'aria-labelledby': 'report-title' },
    h('h2', { id: 'report-title' }, t(WORDS.report)),
    h('p', {}, what),
    h(
      'div',
      { class: 'downloads', role: 'group', 'aria-label': t(WORDS.downloads) },
      h('span', {}, `${t(WORDS.downloads)}: `),
      h(
        'button',
        {
          type: 'button',
          id: 'download-zip',
          onclick: () => download(new Blob([zip() as BlobPart], { type: 'application/zip' }), 'bashunwei-reform.zip'),
        },
        t(WORDS.downloadZip),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'download-html',
          onclick: () => download(new Blob([simulationHtml(report)], { type: 'text/html' }), 'bashunwei-report.html'),
        },
        t(WORDS.downloadHtml),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'download-json',
          onclick: () => download(new Blob([json], { type: 'application/json' }), 'bashunwei-report.json'),
        },
        t(WORDS.downloadJson),
      ),
    ),
    trustedMarkup('div', summaryHtml(report), { class: 'report-answer' }),
    h('h3', {}, t(WORDS.distribution)),
    report.variants.map((v, vi) => {
      const whole = (upTo: string): string => showFigure(upTo.replace(/\.00$/, ''), 'count');
      // The report's own chart of personal pay per bracket (src/simulate/report/html.ts draws the same).
      const chart = bracketChart(
        v.payBrackets.map((b, i) => ({
          label: b.upTo === null ? `>${whole(v.payBrackets[i - 1]!.upTo!)}` : i === 0 ? '0' : `≤${whole(b.upTo)}`,
          count: b.claims,
          path: `variants[${vi}].payBrackets[${i}].claims`,
        })),
        `${v.name}: 个人自付（元）/ personal pay per claim (yuan)`,
      );
      return h(
        'div',
        { class: 'distribution' },
        h('h4', {}, v.name),
        trustedMarkup('figure', chart, { class: 'chart' }),
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['p', t(WORDS.personal), t(WORDS.personalShare)].map((x) => h('th', { scope: 'col' }, x)),
            ),
          ),
          h(
            'tbody',
            {},
            Object.entries(v.personalPayPercentiles).map(([k, a]) =>
              h(
                'tr',
                {},
                h('td', {}, k),
                h('td', { class: 'n' }, showFigure(a, 'yuan')),
                h('td', { class: 'n' }, showFigure(v.personalSharePercentiles[k] ?? null, 'share')),
              ),
            ),
          ),
        ),
      );
    }),
  );
}
