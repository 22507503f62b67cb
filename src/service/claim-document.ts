/**
 * `GET /claims/{id}?format=F`: the claim's current settlement written by one of the library's
 * output formats (src/format/outputs.ts: the same registry `bashunwei settle --format` loops over),
 * with the format's media type: the cashier's statement as text or HTML, the FHIR ClaimResponse,
 * the national platform's record, a CSV row, the settlement JSON.
 *
 * The store keeps a settlement as its JSON; the formats write from the exact record (fen and every
 * line's inputs). The record is made again the way it was made: the person-year's settled claims,
 * in the order of its stored ledger, settled from an empty ledger up to this claim, by the rules
 * the service settles with. That the JSON of the record made again is the stored settlement, byte
 * for byte, is checked: a difference would be a fault (500), never a document that disagrees with
 * what was answered.
 */
import { ClaimErrorCode } from '../errors/codes.js';
import type { OutputFormat } from '../format/output-format.js';
import { formatOne } from '../format/output-format.js';
import { OUTPUT_FORMATS, outputFormat } from '../format/outputs.js';
import type { Lang } from '../i18n/lang.js';
import {
  type SettlementRecord,
  type SettlementJson,
  defaultRules,
  emptyYearLedger,
  parseClaimText,
  settleClaim,
  settlementToJson,
} from '../index.js';
import { type Answer, refuse } from './answer.js';
import { readLedger } from './settle-request.js';
import type { Store } from './store/store.js';
import { SERVICE_WORDS } from './words.js';

/**
 * The format of `?format=`, or the answer refusing it (400 `invalid_parameter` at `format`, the
 * formats listed).
 *
 * @example
 * documentFormat('text', 'en') // the text format
 */
export function documentFormat(id: string, lang: Lang): OutputFormat | Answer {
  return (
    outputFormat(id) ??
    refuse(
      400,
      ClaimErrorCode.INVALID_PARAMETER,
      'format',
      { expected: OUTPUT_FORMATS.map((f) => f.id).join(', '), received: JSON.stringify(id) },
      lang,
    )
  );
}

/**
 * The current settlement of `claimId` written by `format`: 200 with the format's media type, 404
 * when nothing is stored under the id or the claim is reversed (it has no current settlement).
 *
 * @example
 * const a = await claimDocument(store, 'C1', outputFormat('text')!, 'en'); // a.type: "text/plain; charset=utf-8"
 */
export async function claimDocument(store: Store, claimId: string, format: OutputFormat, lang: Lang): Promise<Answer> {
  const found = await store.read(async (r) => {
    const current = await r.claim(claimId);
    if (!current || current.status !== 'settled') return { current };
    const [claims, ledger] = await Promise.all([
      r.yearClaims(current.personId, current.year),
      r.ledger(current.personId, current.year),
    ]);
    return { current, claims, ledger };
  });
  const { current } = found;
  if (!current) return refuse(404, ClaimErrorCode.NOT_FOUND, 'id', { received: claimId }, lang);
  if (current.status !== 'settled' || !found.claims || !found.ledger)
    return refuse(
      404,
      ClaimErrorCode.NOT_FOUND,
      'id',
      { received: claimId, detail: SERVICE_WORDS[lang].reversed },
      lang,
    );

  const order = readLedger(found.ledger.ledger, current.personId, current.year).claimIds;
  const inputs = new Map(found.claims.filter((c) => c.status === 'settled').map((c) => [c.claimId, c.input]));
  let ledger = emptyYearLedger(current.personId, current.year);
  let record: SettlementRecord | undefined;
  for (const id of order) {
    const parsed = parseClaimText(inputs.get(id) ?? '', { lang, single: true });
    const settled = parsed.ok ? settleClaim(parsed.value, { ledger, lang }) : parsed;
    // Each was settled once from what is stored: failing now is a fault, not the client's.
    if (!settled.ok) throw new Error(`the stored claim ${id} does not settle again: ${settled.errors[0]?.code}`);
    ledger = settled.value.ledger;
    if (id === claimId) {
      record = settled.value;
      break;
    }
  }
  // The figures, not the words: the stored settlement is in the language it was asked in.
  if (!record || figures(settlementToJson(record)) !== figures(JSON.parse(current.settlement ?? 'null')))
    throw new Error(`the settlement of ${claimId} is not made again as it was stored: its document is not written`);
  const written = formatOne(format, record, { lang, rules: defaultRules() });
  return { status: 200, json: written.out ?? '', type: format.mediaType };
}

/** What a settlement pays, line by line and fund by fund, as text to compare. */
function figures(s: SettlementJson | null): string {
  if (s === null) return 'null';
  const { claimId, total, hospitalAbsorbed, personal, lines } = s;
  return JSON.stringify([claimId, total, hospitalAbsorbed, personal, lines.map((l) => [l.id, l.amount, l.funds])]);
}
