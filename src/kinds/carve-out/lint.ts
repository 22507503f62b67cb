/**
 * What a carve-out's schema cannot check: its excess is reported on a later tier of the same
 * order that draws on funds (a top-up), and draws on funds that tier has.
 */
import type { KindLintContext, KindReport } from '../kind.js';
import type { CarveOutRaw } from './schema.js';

/**
 * Reports the problems of a carve-out tier file.
 *
 * @example
 * lintCarveOut(raw, report, { tiers, self: 0, funds })
 */
export function lintCarveOut(
  raw: CarveOutRaw,
  report: KindReport,
  { tiers, self, funds: fundsOf }: KindLintContext,
): void {
  if (!raw.excess) return;
  const at = tiers.findIndex((t) => t.id === raw.excess!.reportedOn);
  const target = tiers[at];
  if (!target) report(['excess', 'reportedOn'], `"${raw.excess.reportedOn}" is not a tier of this rule set's order`);
  else if (at <= self)
    report(
      ['excess', 'reportedOn'],
      `the excess is reported on a tier that runs later; "${target.id}" runs before this one`,
    );
  else {
    const funds = fundsOf(target);
    if (funds === null) {
      report(['excess', 'reportedOn'], `the excess is reported on a top-up tier; "${target.id}" is a ${target.kind}`);
      return;
    }
    raw.excess.funds.forEach((f, i) => {
      if (!funds.includes(f))
        report(['excess', 'funds', i], `fund "${f}" is not a fund of "${target.id}" (${funds.join(', ')})`);
    });
  }
}
