/**
 * `--format json` (the default): the contract's settlement JSON (docs/claim.md, "The settlement"),
 * a run of one claim as one pretty document, of several as NDJSON; a refusal is the error line of
 * docs/claim.md, "Errors", in the same stream.
 */
import { settlementToJson } from '../settlement-json.js';
import { type OutputFormat, errorLine, jsonText, oneDocumentOrLines } from '../output-format.js';

/** The contract's JSON: one document, or one per line. */
export const json: OutputFormat = {
  id: 'json',
  summary: 'the settlement JSON: one document, or one per line (the default)',
  mediaType: 'application/json',
  wholeRun: false,
  dated: false,
  open: (o) =>
    oneDocumentOrLines({
      settled: (r, pretty) => ({ out: jsonText(settlementToJson(r, { lang: o.lang }), pretty) }),
      refused: (f, pretty) => ({ out: jsonText(errorLine(f), pretty) }),
    }),
};
