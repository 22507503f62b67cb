/**
 * Claims: settle one (`POST /claims`), read one with every version of it (`GET /claims/{id}`),
 * reverse one (`POST /claims/{id}/reverse`). The work is settle-request.ts and reverse-request.ts;
 * this plugin reads the requests and counts the outcomes.
 */
import { ClaimErrorCode } from '../../index.js';
import { OUTPUT_FORMATS } from '../../format/outputs.js';
import { answer, refuse } from '../answer.js';
import { claimDocument, documentFormat } from '../claim-document.js';
import { logIds } from '../log-ids.js';
import { headerDoc, jsonContent } from '../openapi.js';
import { bodyText } from '../request-body.js';
import { reverseRequest } from '../reverse-request.js';
import { resource } from '../route-spec.js';
import { settleRequest } from '../settle-request.js';
import { SERVICE_WORDS } from '../words.js';

/**
 * The claims resource.
 *
 * @example
 * claims.routes.reverse.url // "/claims/:id/reverse"
 */
export const claims = resource(
  {
    settle: {
      method: 'POST',
      url: '/claims',
      right: 'settle',
      query: [],
      summary:
        'Settle a claim (201); the same claim again answers the stored settlement (200, idempotent-replay: true)',
      doc: {
        success: {
          '201': {
            description: 'Settled.',
            headers: { 'settlement-version': headerDoc('1: the first version of its settlement') },
            content: jsonContent('Settlement'),
          },
          '200': {
            description: 'The same claim was already settled: its stored current settlement.',
            headers: {
              'idempotent-replay': headerDoc('true'),
              'settlement-version': headerDoc('the version answered'),
            },
            content: jsonContent('Settlement'),
          },
        },
        failures: [400, 401, 403, 409, 413, 415, 422],
        body: 'Claim',
      },
    },
    claim: {
      method: 'GET',
      url: '/claims/:id',
      right: 'read',
      query: ['format'],
      summary:
        'A claim: its current settlement and every version of it; with ?format=, its current settlement in that output format',
      doc: {
        success: {
          '200': {
            description:
              "The claim, its current settlement and every version; with ?format=, the current settlement written by that format, in its media type (the command's --format).",
            // Without ?format=, the history (JSON); with it, each format's own media type.
            content: {
              ...Object.fromEntries(
                OUTPUT_FORMATS.map((f) => [f.mediaType.split(';')[0]!, { schema: { type: 'string' } }]),
              ),
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/ClaimHistory' },
                    { $ref: '#/components/schemas/Settlement' },
                    { type: 'object', description: "The national platform's record (?format=nhsa)." },
                  ],
                },
              },
            },
          },
        },
        failures: [400, 401, 403, 404],
        query: {
          format: {
            description: `An output format of the settlement: ${OUTPUT_FORMATS.map((f) => f.id).join(', ')} (as bashunwei settle --format). A reversed claim has none (404).`,
            schema: { type: 'string', enum: OUTPUT_FORMATS.map((f) => f.id) },
          },
        },
      },
    },
    reverse: {
      method: 'POST',
      url: '/claims/:id/reverse',
      right: 'reverse',
      query: [],
      summary:
        'Reverse a claim (冲正) and re-settle the later claims of its person-year; repeating it answers the first result',
      doc: {
        success: {
          '200': {
            description: 'Reversed (or, with idempotent-replay: true, the answer of the first reversal).',
            headers: { 'idempotent-replay': headerDoc('true on a repeat') },
            content: jsonContent('Reversal'),
          },
        },
        failures: [400, 401, 403, 404, 413, 415, 422],
      },
    },
  },
  async (app, kit) => {
    const { store, metrics, now } = kit;

    app.route(
      kit.route('settle', async (req, _reply, { lang, key }) => {
        const started = performance.now();
        const text = bodyText(req, lang);
        const { answer: a, outcome, claimId } = await settleRequest(store, text, { lang, keyId: key!.id, now });
        metrics.settlementSeconds.observe({ outcome }, (performance.now() - started) / 1000);
        if (outcome === 'settled') metrics.claimsSettled.inc();
        if (claimId !== undefined) logIds(req, { claimId, outcome });
        return a;
      }),
    );

    app.route(
      kit.route('reverse', async (req, _reply, { lang, key }) => {
        const text = bodyText(req, lang).trim();
        // Nothing to say to a reversal: an empty body or {} (a field would be silently ignored).
        if (text !== '' && text.replace(/\s+/g, '') !== '{}') {
          return refuse(
            400,
            ClaimErrorCode.INVALID_PARAMETER,
            '',
            {
              subject: SERVICE_WORDS[lang].reversalBody,
              expected: SERVICE_WORDS[lang].emptyOrObject,
              received: JSON.stringify(text.slice(0, 40)),
            },
            lang,
          );
        }
        const claimId = (req.params as { id: string }).id;
        const { answer: a, outcome } = await reverseRequest(store, claimId, { lang, keyId: key!.id, now });
        if (outcome === 'reversed') metrics.claimsReversed.inc();
        logIds(req, { claimId, outcome });
        return a;
      }),
    );

    app.route(
      kit.route('claim', async (req, _reply, { lang, query }) => {
        const claimId = (req.params as { id: string }).id;
        if (query.format !== undefined) {
          const format = documentFormat(query.format, lang);
          return 'status' in format ? format : claimDocument(store, claimId, format, lang);
        }
        const found = await store.read(async (r) => {
          const current = await r.claim(claimId);
          return current && { current, versions: await r.history(claimId) };
        });
        if (!found) return refuse(404, ClaimErrorCode.NOT_FOUND, 'id', { received: claimId }, lang);
        const { current, versions } = found;
        return answer(200, {
          claimId,
          personId: current.personId,
          year: current.year,
          status: current.status,
          version: current.version,
          settlement: parsed(current.settlement),
          claim: JSON.parse(current.input) as unknown,
          versions: versions.map((v) => ({
            version: v.version,
            status: v.status,
            action: v.journal.action,
            at: v.journal.at,
            keyId: v.journal.keyId,
            journal: v.journal.cursor,
            cause: v.journal.cause,
            settlement: parsed(v.settlement),
          })),
        });
      }),
    );
  },
);

function parsed(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
