/**
 * The settlements of the claim view: for each claim, the figures (bill, hospital's part,
 * billable, personal pay and share, target, rule set), the waterfall chart, the statement with
 * each line's payer, amount, clause and explanation, and the cashier's statement as printed; for a
 * refused claim, the library's errors with their paths.
 */
import { showFigure } from '../../simulate/report/display.js';
import { h, trustedMarkup } from '../ui/dom.js';
import { t } from '../ui/lang.js';
import { WORDS, fill } from '../ui/words.js';
import type { ClaimOutcome } from './settle-claims.js';
import { waterfallChart } from './waterfall-chart.js';

const yuan = (s: string) => showFigure(s, 'yuan');

/**
 * The results, one article per claim.
 *
 * @example
 * replace(results, claimResults(settleClaims(inputs, lang)))
 */
export function claimResults(outcomes: readonly ClaimOutcome[]): HTMLElement[] {
  if (outcomes.length === 0) return [h('p', {}, t(WORDS.noClaims))];
  return outcomes.map((o, k) => (o.ok ? settled(o, k) : refused(o, k)));
}

function settled(o: Extract<ClaimOutcome, { ok: true }>, k: number): HTMLElement {
  const s = o.json;
  const target =
    s.target === null
      ? t(WORDS.targetNone)
      : t(fill(s.target.met ? WORDS.targetMet : WORDS.targetMissed, { max: yuan(s.target.personalMax) }));
  const steps = [
    { label: t(WORDS.total), amount: s.total, kind: 'total' as const },
    { label: t(WORDS.hospitalAbsorbed), amount: s.hospitalAbsorbed, kind: 'paid' as const },
    ...s.lines.map((l) => ({ label: l.label, amount: l.amount, kind: 'paid' as const })),
    { label: t(WORDS.personal), amount: s.personal, kind: 'personal' as const },
  ];
  const figures: [typeof WORDS.total, string][] = [
    [WORDS.total, yuan(s.total)],
    [WORDS.hospitalAbsorbed, yuan(s.hospitalAbsorbed)],
    [WORDS.billable, yuan(s.billable)],
    [WORDS.personal, yuan(s.personal)],
    [WORDS.personalShare, showFigure(s.personalShare, 'share')],
    [WORDS.target, target],
    [WORDS.rules, `${s.rules.id} @ ${s.rules.version}`],
  ];
  return h(
    'article',
    { class: 'settlement', id: `settlement-${k}`, 'data-claim-id': s.claimId },
    h('h3', {}, `${t(WORDS.claimN)} ${s.claimId} — ${t(WORDS.settledTitle)}`),
    h(
      'dl',
      { class: 'figures' },
      figures.map(([label, value]) => [h('dt', {}, t(label)), h('dd', {}, value)]),
    ),
    h('h4', {}, t(WORDS.waterfall)),
    trustedMarkup('figure', waterfallChart(steps, `${s.claimId}: ${t(WORDS.waterfall)}`), { class: 'chart' }),
    h('h4', {}, t(WORDS.statement)),
    h(
      'table',
      { class: 'statement' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [WORDS.tier, WORDS.payer, WORDS.amount, WORDS.clause, WORDS.explanation].map((w) =>
            h('th', { scope: 'col' }, t(w)),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        h(
          'tr',
          {},
          h('td', {}, '—'),
          h('td', {}, t(WORDS.hospitalAbsorbed)),
          h('td', { class: 'n' }, yuan(s.hospitalAbsorbed)),
          h('td', {}, ''),
          h('td', {}, ''),
        ),
        s.lines.map((l) =>
          h(
            'tr',
            { 'data-tier': l.id },
            h('td', {}, String(l.tier)),
            h('td', {}, l.label),
            h('td', { class: 'n' }, yuan(l.amount)),
            h('td', {}, l.clause),
            h('td', { class: 'explanation' }, l.explanation),
          ),
        ),
        h(
          'tr',
          { class: 'personal' },
          h('td', {}, ''),
          h('td', {}, t(WORDS.personal)),
          h('td', { class: 'n' }, yuan(s.personal)),
          h('td', {}, ''),
          h('td', {}, ''),
        ),
      ),
    ),
    h('details', {}, h('summary', {}, t(WORDS.cashierStatement)), h('pre', { class: 'printed' }, o.statement)),
  );
}

function refused(o: Extract<ClaimOutcome, { ok: false }>, k: number): HTMLElement {
  return h(
    'article',
    { class: 'refused', id: `settlement-${k}` },
    h('h3', {}, `${t(fill(WORDS.lineN, { n: o.line }))}${o.claimId ? ` ${o.claimId}` : ''} — ${t(WORDS.refusedTitle)}`),
    h(
      'ul',
      { class: 'errors' },
      o.errors.map((e) =>
        h('li', {}, h('code', {}, e.path || '(claim)'), ' ', h('code', {}, e.code), ' — ', e.message),
      ),
    ),
  );
}
