/**
 * Ledgers: a person-year's year-to-date ledger and its settled claims in settling order
 * (`GET /ledgers/{person}/{year}`).
 */
import { ClaimErrorCode } from '../../index.js';
import { answer, refuse } from '../answer.js';
import { jsonContent } from '../openapi.js';
import { resource } from '../route-spec.js';
import { SERVICE_WORDS } from '../words.js';

/**
 * The ledgers resource.
 *
 * @example
 * ledgers.routes.ledger.right // "read"
 */
export const ledgers = resource(
  {
    ledger: {
      method: 'GET',
      url: '/ledgers/:person/:year',
      right: 'read',
      query: [],
      summary: "A person-year's year-to-date ledger and its claims in settling order",
      doc: {
        success: { '200': { description: "The person-year's ledger.", content: jsonContent('LedgerState') } },
        failures: [400, 401, 403, 404],
        params: { year: { type: 'string', pattern: '^\\d{4}$' } },
      },
    },
  },
  async (app, kit) => {
    app.route(
      kit.route('ledger', async (req, _reply, { lang }) => {
        const { person, year: yearText } = req.params as { person: string; year: string };
        if (!/^\d{4}$/.test(yearText)) {
          return refuse(
            400,
            ClaimErrorCode.INVALID_PARAMETER,
            'year',
            { expected: SERVICE_WORDS[lang].year, received: JSON.stringify(yearText.slice(0, 40)) },
            lang,
          );
        }
        const year = Number(yearText);
        const found = await kit.store.read(async (r) => {
          const ledger = await r.ledger(person, year);
          return ledger && { ledger, claims: await r.yearClaims(person, year) };
        });
        if (!found) return refuse(404, ClaimErrorCode.NOT_FOUND, 'person', { received: `${person} ${year}` }, lang);
        return answer(200, {
          personId: person,
          year,
          version: found.ledger.version,
          claims: found.claims.filter((c) => c.status === 'settled').map((c) => c.claimId),
          ledger: JSON.parse(found.ledger.ledger) as unknown,
        });
      }),
    );
  },
);
