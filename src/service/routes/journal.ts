/**
 * The journal: who did what, when, to which versions (`GET /journal?since=&limit=`), read from a
 * cursor or a time on, in journal order.
 */
import { ClaimErrorCode } from '../../index.js';
import { answer, refuse } from '../answer.js';
import { jsonContent } from '../openapi.js';
import { resource } from '../route-spec.js';
import type { JournalStart } from '../store/store.js';
import { SERVICE_WORDS } from '../words.js';

/** Journal entries per answer: by default, and at most. */
const JOURNAL_LIMIT = { default: 500, max: 5000 } as const;

/**
 * The journal resource.
 *
 * @example
 * journal.routes.journal.query // ["since", "limit"]
 */
export const journal = resource(
  {
    journal: {
      method: 'GET',
      url: '/journal',
      right: 'audit',
      query: ['since', 'limit'],
      summary: 'The append-only journal: who did what, when, to which versions',
      doc: {
        success: { '200': { description: 'Journal entries in journal order.', content: jsonContent('JournalPage') } },
        failures: [400, 401, 403],
        query: {
          since: {
            description: "A previous answer's `next`, or an ISO 8601 date-time: the entries after it.",
            schema: { type: 'string' },
          },
          limit: {
            description: `Most entries in the answer (default ${JOURNAL_LIMIT.default}).`,
            schema: { type: 'integer', minimum: 1, maximum: JOURNAL_LIMIT.max },
          },
        },
      },
    },
  },
  async (app, kit) => {
    app.route(
      kit.route('journal', async (_req, _reply, { lang, query }) => {
        const limit = query.limit === undefined ? JOURNAL_LIMIT.default : Number(query.limit);
        if (!/^\d+$/.test(query.limit ?? '1') || limit < 1 || limit > JOURNAL_LIMIT.max) {
          return refuse(
            400,
            ClaimErrorCode.INVALID_PARAMETER,
            'limit',
            { expected: SERVICE_WORDS[lang].limit(JOURNAL_LIMIT.max), received: JSON.stringify(query.limit) },
            lang,
          );
        }
        const start = journalStart(query.since);
        if (start === null)
          return refuse(
            400,
            ClaimErrorCode.INVALID_PARAMETER,
            'since',
            { expected: SERVICE_WORDS[lang].cursor, received: JSON.stringify(query.since) },
            lang,
          );
        const entries = await kit.store.read((r) => r.journal(start, limit));
        return answer(200, { entries, next: entries.at(-1)?.cursor ?? query.since ?? '0-0' });
      }),
    );
  },
);

/** The largest number of a cursor: the journal's ids and transaction numbers are 64-bit integers (BIGINT). */
const LARGEST = 2n ** 63n - 1n;

/**
 * `since`: a cursor `<transaction>-<entry>` (of numbers a journal id can reach: PostgreSQL refuses
 * a larger one), an ISO 8601 date-time, nothing, or null when it is none of these.
 */
function journalStart(since: string | undefined): JournalStart | undefined | null {
  if (since === undefined) return undefined;
  const m = /^(\d{1,19})-(\d{1,19})$/.exec(since);
  if (m) return BigInt(m[1]!) > LARGEST || BigInt(m[2]!) > LARGEST ? null : { after: [m[1]!, m[2]!] };
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(since) && !Number.isNaN(Date.parse(since)))
    return { at: new Date(since).toISOString() };
  return null;
}
