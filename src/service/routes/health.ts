/**
 * Health and readiness, open to anyone (a load balancer asks without a key): `GET /healthz` while
 * the process answers, `GET /readyz` while the database answers and the process is not closing.
 */
import { ClaimErrorCode } from '../../index.js';
import { answer, refuse } from '../answer.js';
import { jsonContent } from '../openapi.js';
import { resource } from '../route-spec.js';
import { SERVICE_WORDS } from '../words.js';

/**
 * The health resource.
 *
 * @example
 * health.routes.readyz.right // null: no key asked
 */
export const health = resource(
  {
    healthz: {
      method: 'GET',
      url: '/healthz',
      right: null,
      query: [],
      summary: 'The process answers',
      doc: {
        success: { '200': { description: 'The process answers.', content: jsonContent('Health') } },
        failures: [],
      },
    },
    readyz: {
      method: 'GET',
      url: '/readyz',
      right: null,
      query: [],
      summary: 'The database answers and the process is not shutting down',
      doc: {
        success: {
          '200': { description: 'Ready.', content: jsonContent('Health') },
          '503': {
            description: 'Not ready: the database does not answer, or the process is shutting down.',
            content: jsonContent('Errors'),
          },
        },
        failures: [],
      },
    },
  },
  async (app, kit) => {
    app.route(kit.route('healthz', async () => answer(200, { status: 'ok' })));
    app.route(
      kit.route('readyz', async (req, _reply, { lang }) => {
        if (kit.closing())
          return refuse(503, ClaimErrorCode.UNAVAILABLE, '', { detail: SERVICE_WORDS[lang].shuttingDown }, lang);
        try {
          await kit.store.ping();
        } catch (e) {
          req.log.warn({ err: e }, 'database does not answer');
          return refuse(503, ClaimErrorCode.UNAVAILABLE, '', { detail: SERVICE_WORDS[lang].databaseDown }, lang);
        }
        return answer(200, { status: 'ready', database: kit.store.kind });
      }),
    );
  },
);
