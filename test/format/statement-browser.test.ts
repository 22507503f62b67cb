/**
 * The printable cashier's statement (statementHtml) in a real headless Chromium: it loads without
 * an error, every row adds up, every line is as settled, and it prints one page per claim. Kept
 * apart from the other exports' tests: a browser test (named *browser*) runs in `npm test`, not
 * in the mutation run (vitest.stryker.config.ts).
 */
import { describe, expect, it } from 'vitest';
import { settleBatch } from '../../src/contract/settle-json.js';
import { statementHtml } from '../../src/format/statement-html.js';
import { launchChromium } from '../support/chromium.js';
import { specExamples } from '../support/helpers.js';

/** Claims of the spec's worked examples, settled in order with their ledgers. */
const records = specExamples().flatMap((ex) =>
  settleBatch(ex.claims).outcomes.flatMap((o) => (o.ok ? [o.record] : [])),
);

describe('the printable HTML statement in Chromium', () => {
  it('loads without an error, every row adds up, every line as settled, one printed page per claim', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      const shown = records.slice(0, 6);
      await page.setContent(statementHtml(shown));
      expect(problems).toEqual([]);
      const sections = await page.$$eval('section.statement', (ss) =>
        ss.map((s) => ({
          claim: s.getAttribute('data-claim'),
          row: [...s.querySelectorAll('tr.amounts td')].map((td) => [
            td.getAttribute('data-column'),
            td.getAttribute('data-amount'),
          ]),
          lines: [...s.querySelectorAll('tr[data-tier]')].map((tr) => [
            Number(tr.getAttribute('data-tier')),
            Number(tr.querySelector('[data-amount]')!.getAttribute('data-amount')),
          ]),
          text: s.textContent ?? '',
        })),
      );
      expect(sections.map((s) => s.claim)).toEqual(shown.map((r) => r.claim.id));
      sections.forEach((s, i) => {
        const r = shown[i]!;
        const amounts: Record<string, number> = Object.fromEntries(
          s.row.filter(([, a]) => a !== null).map(([c, a]) => [c, Number(a)]),
        );
        const payers = Object.entries(amounts)
          .filter(([c]) => c !== 'total' && c !== 'hospital' && c !== 'personal')
          .reduce((x, [, a]) => x + a, 0);
        expect(amounts.hospital! + payers + amounts.personal!).toBe(amounts.total);
        expect(amounts.total).toBe(r.bill.total);
        expect(s.lines).toEqual(r.lines.map((l) => [l.tier, l.amount]));
        for (const l of r.lines) expect(s.text).toContain(l.clause);
        expect(s.text).toContain('一张清单、分别列账');
      });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(shown.length);
    } finally {
      await browser.close();
    }
  }, 600_000);
});
