/**
 * `--format text`: the cashier's statements (一张清单、分别列账, text.ts) of the whole run, then
 * the refusals in input order, so that a statement is never preceded by the refusal of a later line.
 */
import { prettifyIssues } from '../../errors/issue.js';
import type { SettlementRecord } from '../../settle/settle-claim.js';
import { NOTHING, type OutputFormat } from '../output-format.js';
import { formatStatements } from '../text.js';

/** The cashier's statement, for a terminal or a text printer. */
export const text: OutputFormat = {
  id: 'text',
  summary: "the cashier's statement",
  mediaType: 'text/plain; charset=utf-8',
  wholeRun: true,
  dated: false,
  open: () => {
    const records: SettlementRecord[] = [];
    const refusals: string[] = [];
    return {
      start: () => NOTHING,
      settled: (r) => (records.push(r), NOTHING),
      refused: (f) => {
        refusals.push(`✖ 第${f.line}行${f.claimId ? ` ${f.claimId}` : ''} 未结算：\n${prettifyIssues(f.errors)}\n`);
        return NOTHING;
      },
      end: () => {
        const statements = records.length > 0 ? `${formatStatements(records)}\n` : '';
        const refused = refusals.length > 0 ? `${records.length > 0 ? '\n' : ''}${refusals.join('\n')}` : '';
        const out = statements + refused;
        return out === '' ? NOTHING : { out };
      },
    };
  },
};
