/**
 * `--format nhsa`: each settlement as the national medical-insurance platform's record
 * (nhsa-settlement.ts, docs/claim.md), one pretty document for a run of one; refusals go to the
 * side channel as error lines.
 */
import { nhsaSettlement } from '../nhsa-settlement.js';
import { type OutputFormat, errorLine, jsonText, oneDocumentOrLines } from '../output-format.js';

/** The national platform's record. */
export const nhsa: OutputFormat = {
  id: 'nhsa',
  summary: "the national platform's record",
  mediaType: 'application/json',
  wholeRun: false,
  dated: false,
  open: () =>
    oneDocumentOrLines({
      settled: (r, pretty) => ({ out: jsonText(nhsaSettlement(r), pretty) }),
      refused: (f) => ({ err: jsonText(errorLine(f), false) }),
    }),
};
