/**
 * A back-office settlement service (insurance back office): Fastify over HTTP, SQLite for the
 * year-to-date ledgers. Run it with
 *
 *   npx tsx examples/back-office-service/server.ts            (PORT=8080 DB=bashunwei.sqlite)
 *
 * POST /claims                 settle a claim (contract JSON); 201 with the settlement; the same
 *                              claim again → 200 with the stored settlement (idempotent by claim
 *                              id); another claim under a settled id → 409 duplicate_claim
 * GET  /claims/:id             the stored settlement
 * POST /claims/:id/reverse     冲正: reverse it, re-settle the later claims of its person-year
 * GET  /ledgers/:person/:year  the person-year's ledger
 *
 * Errors are `{ errors: [{ code, path, message }] }`, messages in Chinese unless `?lang=en`.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { ClaimErrorCode, claimIssue, type Fen, formatFen, isLang, type Lang, ledgerYear, parseClaim, reverseClaim, settleClaim, settlementToJson, yearLedgerToJson } from './deps.js';
import { openStore, type Store } from './store.js';

/** Options of the service. */
export interface ServiceOptions {
  /** The SQLite file (":memory:" for tests that need no restart). */
  readonly db: string;
}

/** What a transaction decided: the status and body to send once it has committed. */
interface Answer {
  readonly code: number;
  readonly body: unknown;
  readonly replay?: boolean;
}

const langOf = (q: unknown): Lang => {
  const l = (q as { lang?: string } | undefined)?.lang;
  return l !== undefined && isLang(l) ? l : 'zh-CN';
};

/**
 * Builds the service (not listening yet).
 *
 * @example
 * const app = buildService({ db: 'bashunwei.sqlite' }); await app.listen({ port: 8080 });
 */
export function buildService(options: ServiceOptions): { app: FastifyInstance; store: Store } {
  const store = openStore(options.db);
  const app = Fastify({ logger: false, bodyLimit: 1 << 20 });
  app.addHook('onClose', async () => store.close());

  app.post('/claims', async (req, reply) => {
    const lang = langOf(req.query);
    const parsed = parseClaim(req.body, { lang });
    if (!parsed.ok) return reply.code(400).send({ errors: parsed.errors });
    const claim = parsed.value;
    const year = ledgerYear(claim.visit.discharged);
    // One transaction, no await inside: reading the ledger, settling and writing happen as one
    // step, so concurrent requests for one person see each other's ledgers in order. The
    // transaction returns the answer and it is sent only after the commit (Fastify's reply is a
    // thenable, which better-sqlite3 refuses as a transaction's result: it would roll back).
    const answer = store.transaction((): Answer => {
      const stored = store.claim(claim.id);
      if (stored) {
        if (JSON.stringify(stored.claim) === JSON.stringify(claim) && stored.status === 'settled') return { code: 200, body: stored.settlement, replay: true };
        const detail = stored.status === 'reversed' ? 'reversed' : 'with other content';
        return { code: 409, body: { errors: [claimIssue(ClaimErrorCode.DUPLICATE_CLAIM, 'id', { received: claim.id, detail }, lang)] } };
      }
      const r = settleClaim(claim, { ledger: store.ledger(claim.person.id, year), lang });
      if (!r.ok) return { code: 422, body: { errors: r.errors } };
      const settlement = settlementToJson(r.value, { lang });
      store.insertClaim({ claimId: claim.id, personId: claim.person.id, year, input: req.body, claim, settlement });
      store.saveLedger(r.value.ledger);
      return { code: 201, body: settlement };
    });
    if (answer.replay) reply.header('idempotent-replay', 'true');
    return reply.code(answer.code).send(answer.body);
  });

  app.get<{ Params: { id: string } }>('/claims/:id', async (req, reply) => {
    const stored = store.claim(req.params.id);
    if (!stored) return reply.code(404).send({ errors: [claimIssue(ClaimErrorCode.NOT_SETTLED, 'id', { received: req.params.id }, langOf(req.query))] });
    return { status: stored.status, settlement: stored.settlement };
  });

  app.post<{ Params: { id: string } }>('/claims/:id/reverse', async (req, reply) => {
    const lang = langOf(req.query);
    const answer = store.transaction((): Answer => {
      const target = store.claim(req.params.id);
      if (!target || target.status !== 'settled') {
        return { code: 404, body: { errors: [claimIssue(ClaimErrorCode.NOT_SETTLED, 'id', { received: req.params.id, detail: target ? 'reversed' : undefined }, lang)] } };
      }
      const year = ledgerYear(target.claim.visit.discharged);
      const claims = store.yearClaims(target.claim.person.id, year);
      const r = reverseClaim(
        claims.map((c) => c.claim),
        target.claimId,
        { lang },
      );
      if (!r.ok) return { code: 422, body: { errors: r.errors } };
      store.markReversed(target.claimId);
      for (const x of r.value.resettled) store.updateSettlement(x.claimId, settlementToJson(x.after, { lang }));
      store.saveLedger(r.value.ledger);
      return {
        code: 200,
        body: {
          reversed: target.claimId,
          resettled: r.value.resettled.map((x) => ({
            claimId: x.claimId,
            difference: {
              lines: Object.fromEntries(Object.entries(x.difference.lines).map(([id, f]) => [id, formatFen(f as Fen)])),
              personal: formatFen(x.difference.personal),
            },
            settlement: settlementToJson(x.after, { lang }),
          })),
          ledger: yearLedgerToJson(r.value.ledger),
        },
      };
    });
    return reply.code(answer.code).send(answer.body);
  });

  app.get<{ Params: { person: string; year: string } }>('/ledgers/:person/:year', async (req, reply) => {
    const l = store.ledger(req.params.person, Number(req.params.year));
    if (!l) return reply.code(404).send({ errors: [claimIssue(ClaimErrorCode.NOT_SETTLED, 'person', { detail: `${req.params.person} ${req.params.year}` }, langOf(req.query))] });
    return yearLedgerToJson(l);
  });

  return { app, store };
}

// Run as a program: listen and say where (tests read the port from this line).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''))) {
  const { app } = buildService({ db: process.env.DB ?? 'bashunwei.sqlite' });
  app.listen({ port: Number(process.env.PORT ?? 8080), host: '127.0.0.1' }).then((address) => process.stdout.write(`listening ${address}\n`));
}
