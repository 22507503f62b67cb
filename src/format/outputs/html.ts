/**
 * `--format html`: the printable statements of the whole run as one page (statement-html.ts);
 * refusals go to the side channel as error lines, so that what is printed is a valid page.
 */
import type { SettlementRecord } from '../../settle/settle-claim.js';
import { NOTHING, type OutputFormat, errorLine, jsonText } from '../output-format.js';
import { statementHtml } from '../statement-html.js';

/** The printable statements, one page. */
export const html: OutputFormat = {
  id: 'html',
  summary: 'the printable statements, one page',
  mediaType: 'text/html; charset=utf-8',
  wholeRun: true,
  dated: false,
  open: () => {
    const records: SettlementRecord[] = [];
    return {
      start: () => NOTHING,
      settled: (r) => (records.push(r), NOTHING),
      refused: (f) => ({ err: jsonText(errorLine(f), false) }),
      end: () => (records.length > 0 ? { out: statementHtml(records) } : NOTHING),
    };
  },
};
