/**
 * The registry of output formats: `bashunwei settle --format` takes their ids, its usage lists
 * them, and the service answers `?format=` with them. Adding a format is adding a module in
 * `outputs/` and a line here (test/format/outputs.test.ts shows it).
 */
import type { OutputFormat } from './output-format.js';
import { csv } from './outputs/csv.js';
import { fhir } from './outputs/fhir.js';
import { html } from './outputs/html.js';
import { json } from './outputs/json.js';
import { ndjson } from './outputs/ndjson.js';
import { nhsa } from './outputs/nhsa.js';
import { text } from './outputs/text.js';

/** Every output format, the default first. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [json, ndjson, text, html, csv, fhir, nhsa];

/**
 * The format of an id among `formats` (default: the registry), or undefined.
 *
 * @example
 * outputFormat('csv')?.mediaType // "text/csv; charset=utf-8"
 */
export function outputFormat(id: string, formats: readonly OutputFormat[] = OUTPUT_FORMATS): OutputFormat | undefined {
  return formats.find((f) => f.id === id);
}
