/**
 * `POST /claims/{id}/reverse` (冲正): in one transaction holding the claim id and its person-year,
 * answer the stored result when the claim was already reversed (a client that lost the first
 * answer gets it again, never a second reversal); otherwise reverse it with the library
 * (`reverseClaim` settles the year again without it), and append a `reversed` version of it, a new
 * version of every later claim of the year, the ledger's next version, a journal entry for each,
 * and the answer itself.
 */
import {
  type Claim,
  ClaimErrorCode,
  type Fen,
  formatFen,
  parseClaimText,
  reverseClaim,
  settlementToJson,
  yearLedgerToJson,
} from '../index.js';
import { type Answer, refusal, refuse } from './answer.js';
import { type RequestContext, readLedger } from './settle-request.js';
import type { Store } from './store/store.js';

/** What became of a reversal request, for the metrics. */
export type ReverseOutcome = 'reversed' | 'replay' | 'refused';

/**
 * Reverses the claim `claimId` in `store`.
 *
 * @example
 * const { answer } = await reverseRequest(store, 'C-2017-000123', { lang: 'zh-CN', keyId: 'k_1', now: () => new Date().toISOString() });
 */
export async function reverseRequest(
  store: Store,
  claimId: string,
  ctx: RequestContext,
): Promise<{ answer: Answer; outcome: ReverseOutcome }> {
  const { lang } = ctx;
  return store.transaction(async (tx) => {
    const found = await tx.claim(claimId);
    if (!found)
      return {
        answer: refuse(404, ClaimErrorCode.NOT_FOUND, 'id', { received: claimId }, lang),
        outcome: 'refused' as const,
      };
    // The claim's person-year never changes, so it names the lock; its version may have changed
    // while this waited for the lock (another reversal of the year re-settled it): read it again.
    const { personId, year } = found;
    await tx.lockPersonYear(personId, year);
    const target = (await tx.claim(claimId))!;
    const done = await tx.reversal(claimId);
    if (done !== undefined)
      return {
        answer: { status: 200, json: done, headers: { 'idempotent-replay': 'true' } },
        outcome: 'replay' as const,
      };

    const settled = (await tx.yearClaims(personId, year)).filter((c) => c.status === 'settled');
    const claims: Claim[] = [];
    for (const c of settled) {
      const r = parseClaimText(c.input, { lang });
      if (!r.ok)
        return {
          answer: refusal(
            422,
            r.errors.map((e) => ({ ...e, path: `${c.claimId}: ${e.path}` })),
          ),
          outcome: 'refused' as const,
        };
      claims.push(r.value);
    }
    // The stored ledger's claim ids are the order the year was settled in: the claims are settled
    // again in that order, whatever order the store lists them in.
    const stored = await tx.ledger(personId, year);
    const storedLedger = stored && readLedger(stored.ledger, personId, year);
    const r = reverseClaim(claims, claimId, { lang, ...(storedLedger ? { ledger: storedLedger } : {}) });
    if (!r.ok) return { answer: refusal(422, r.errors), outcome: 'refused' as const };

    const at = ctx.now();
    const entry = { at, keyId: ctx.keyId, personId, year };
    const journalId = await tx.appendJournal({
      ...entry,
      action: 'reverse',
      claimId,
      versionBefore: target.version,
      versionAfter: target.version + 1,
      cause: null,
    });
    await tx.appendSettlement({
      claimId,
      version: target.version + 1,
      status: 'reversed',
      settlement: null,
      journalId,
    });
    const resettled = [];
    for (const x of r.value.resettled) {
      const was = settled.find((c) => c.claimId === x.claimId)!;
      const settlement = settlementToJson(x.after, { lang });
      const version = was.version + 1;
      const id = await tx.appendJournal({
        ...entry,
        action: 'resettle',
        claimId: x.claimId,
        versionBefore: was.version,
        versionAfter: version,
        cause: claimId,
      });
      await tx.appendSettlement({
        claimId: x.claimId,
        version,
        status: 'settled',
        settlement: JSON.stringify(settlement),
        journalId: id,
      });
      const lines = Object.fromEntries(
        Object.entries(x.difference.lines).map(([tier, fen]) => [tier, formatFen(fen as Fen)]),
      );
      resettled.push({
        claimId: x.claimId,
        version,
        difference: { lines, personal: formatFen(x.difference.personal) },
        settlement,
      });
    }
    const ledger = yearLedgerToJson(r.value.ledger);
    await tx.appendLedger({
      personId,
      year,
      version: (stored?.version ?? 0) + 1,
      ledger: JSON.stringify(ledger),
      journalId,
    });
    const json = JSON.stringify({
      reversed: claimId,
      version: target.version + 1,
      at,
      keyId: ctx.keyId,
      resettled,
      ledger,
    });
    await tx.insertReversal({ claimId, answer: json, journalId });
    return { answer: { status: 200, json }, outcome: 'reversed' as const };
  });
}
