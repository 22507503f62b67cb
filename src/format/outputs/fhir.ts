/**
 * `--format fhir`: a FHIR R4 ClaimResponse per settled claim (fhir-claim-response.ts), one pretty
 * document for a run of one; a refusal is an OperationOutcome on the side channel, so that what
 * is printed holds ClaimResponses only.
 */
import { claimResponse } from '../fhir-claim-response.js';
import { operationOutcome } from '../operation-outcome.js';
import { type OutputFormat, jsonText, oneDocumentOrLines } from '../output-format.js';

/** FHIR R4 ClaimResponse. */
export const fhir: OutputFormat = {
  id: 'fhir',
  summary: 'FHIR R4 ClaimResponse',
  mediaType: 'application/fhir+json',
  wholeRun: false,
  dated: true,
  open: (o) =>
    oneDocumentOrLines({
      settled: (r, pretty) => ({ out: jsonText(claimResponse(r, { lang: o.lang, created: o.created }), pretty) }),
      refused: (f) => ({ err: jsonText(operationOutcome(f.errors, f), false) }),
    }),
};
