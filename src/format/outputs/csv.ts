/**
 * `--format csv`: one row per settled claim under a header of the book's payers
 * (settlement-csv.ts); refusals go to the side channel as error lines, so that what is printed is
 * a valid CSV file.
 */
import { CSV_EOL, csvRecord } from '../../csv/write.js';
import { NOTHING, type OutputFormat, errorLine, jsonText } from '../output-format.js';
import { settlementCsvColumns, settlementCsvRow } from '../settlement-csv.js';
import { settlementToJson } from '../settlement-json.js';

/** A row per claim, a column per payer. */
export const csv: OutputFormat = {
  id: 'csv',
  summary: 'a row per claim, a column per payer',
  mediaType: 'text/csv; charset=utf-8',
  wholeRun: false,
  dated: false,
  open: (o) => ({
    start: () => ({ out: `${csvRecord(settlementCsvColumns(o.rules))}${CSV_EOL}` }),
    settled: (r) => ({ out: `${settlementCsvRow(settlementToJson(r, { lang: o.lang }), o.rules)}${CSV_EOL}` }),
    refused: (f) => ({ err: jsonText(errorLine(f), false) }),
    end: () => NOTHING,
  }),
};
