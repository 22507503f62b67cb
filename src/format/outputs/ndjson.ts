/**
 * `--format ndjson`: the contract's settlement JSON, one line per claim even for one claim, a
 * refusal's error line in the same stream (docs/claim.md, "Errors").
 */
import { settlementToJson } from '../settlement-json.js';
import { NOTHING, type OutputFormat, errorLine, jsonText } from '../output-format.js';

/** One settlement (or refusal) per line. */
export const ndjson: OutputFormat = {
  id: 'ndjson',
  summary: 'the settlement JSON, one per line',
  mediaType: 'application/x-ndjson',
  wholeRun: false,
  dated: false,
  open: (o) => ({
    start: () => NOTHING,
    settled: (r) => ({ out: jsonText(settlementToJson(r, { lang: o.lang }), false) }),
    refused: (f) => ({ out: jsonText(errorLine(f), false) }),
    end: () => NOTHING,
  }),
};
