/**
 * `POST /claims`: read the body with the library's own reader, then, in one transaction holding
 * the claim id and the person-year, answer from the store when the id is known (the same claim:
 * 200 replay; another claim: 409), or settle against the stored ledger and append the claim, its
 * first settlement version, the ledger's next version and the journal entry.
 */
import {
  ClaimErrorCode,
  type Claim,
  emptyYearLedger,
  type Lang,
  parseClaimText,
  parseYearLedgerJson,
  settleClaim,
  settlementToJson,
  yearLedgerToJson,
} from '../index.js';
import { ledgerYear } from '../ledger/year-ledger.js';
import { type Answer, refusal, refuse } from './answer.js';
import { canonicalJson } from './canonical-json.js';
import type { CurrentClaim, Store } from './store/store.js';
import { SERVICE_WORDS } from './words.js';

/** Who asks, in which language, and the clock. */
export interface RequestContext {
  readonly lang: Lang;
  /** The id of the API key that made the request (the journal names it). */
  readonly keyId: string;
  /** The time of a journal entry, ISO 8601 UTC. */
  readonly now: () => string;
}

/** What became of a settlement request, for the metrics. */
export type SettleOutcome = 'settled' | 'replay' | 'refused';

/**
 * Settles the claim of `text` (the request body) in `store`.
 *
 * @example
 * const { answer } = await settleRequest(store, body, { lang: 'zh-CN', keyId: 'k_1', now: () => new Date().toISOString() });
 */
export async function settleRequest(
  store: Store,
  text: string,
  ctx: RequestContext,
): Promise<{ answer: Answer; outcome: SettleOutcome; claimId?: string }> {
  const { lang } = ctx;
  if (text.trim() === '')
    return {
      answer: refuse(
        400,
        ClaimErrorCode.INVALID_JSON,
        '',
        { detail: SERVICE_WORDS[lang].emptyBody, expected: SERVICE_WORDS[lang].oneClaim },
        lang,
      ),
      outcome: 'refused',
    };
  const parsed = parseClaimText(text, { lang, single: true });
  if (!parsed.ok) return { answer: refusal(400, parsed.errors), outcome: 'refused' };
  const claim = parsed.value;
  const personId = claim.person.id;
  const year = ledgerYear(claim.visit.discharged);

  return store.transaction(async (tx) => {
    await tx.lockPersonYear(personId, year);
    const stored = await tx.claim(claim.id);
    if (stored) return { ...known(stored, claim, lang), claimId: claim.id };

    const before = await tx.ledger(personId, year);
    const ledger = before === undefined ? emptyYearLedger(personId, year) : readLedger(before.ledger, personId, year);
    const r = settleClaim(claim, { ledger, lang });
    if (!r.ok) return { answer: refusal(422, r.errors), outcome: 'refused' as const };
    const settlement = JSON.stringify(settlementToJson(r.value, { lang }));

    const at = ctx.now();
    await tx.recordSettlement({
      claim: { claimId: claim.id, personId, year, input: text, receivedAt: at, keyId: ctx.keyId },
      settlement,
      ledgerVersion: (before?.version ?? 0) + 1,
      ledger: JSON.stringify(yearLedgerToJson(r.value.ledger)),
    });
    return {
      answer: { status: 201, json: settlement, headers: { 'settlement-version': '1' } },
      outcome: 'settled' as const,
      claimId: claim.id,
    };
  });
}

/**
 * Why a known id is refused (the `detail` of duplicate_claim), and what a client of the service
 * can do about it (its `advice`: the library's own, a ledger without the claim, means nothing over
 * HTTP).
 */
const CONFLICT: Readonly<Record<Lang, Record<'reversed' | 'other', { detail: string; advice: string }>>> = {
  'zh-CN': {
    reversed: {
      detail: '已冲正',
      advice: '如需重新结算，请以新的申请编号发送；GET /claims/{id} 可查看此编号的各个版本',
    },
    other: {
      detail: '内容与已结算的不同',
      advice: '请核对申请编号：另一份报销申请须使用自己的申请编号；GET /claims/{id} 可查看此编号下已结算的内容',
    },
  },
  en: {
    reversed: {
      detail: 'and reversed since',
      advice: 'to settle it again, send it under a new id; GET /claims/{id} shows the versions of this one',
    },
    other: {
      detail: 'with other content',
      advice:
        'check the id: another claim needs an id of its own; GET /claims/{id} shows what was settled under this one',
    },
  },
};

/** A claim id already in the store: the same claim still settled is a replay; anything else a conflict. */
function known(stored: CurrentClaim, claim: Claim, lang: Lang): { answer: Answer; outcome: SettleOutcome } {
  const was = parseClaimText(stored.input);
  const same = was.ok && canonicalJson(was.value) === canonicalJson(claim);
  if (same && stored.status === 'settled' && stored.settlement !== null) {
    return {
      answer: {
        status: 200,
        json: stored.settlement,
        headers: { 'idempotent-replay': 'true', 'settlement-version': String(stored.version) },
      },
      outcome: 'replay',
    };
  }
  const { detail, advice } = CONFLICT[lang][stored.status === 'reversed' ? 'reversed' : 'other'];
  return {
    answer: refuse(409, ClaimErrorCode.DUPLICATE_CLAIM, 'id', { received: claim.id, detail, advice }, lang),
    outcome: 'refused',
  };
}

/**
 * A stored ledger, read back with the library's own reader (its fields are the library's).
 *
 * @example
 * readLedger(stored.ledger, 'P1', 2017)
 */
export function readLedger(text: string, personId: string, year: number) {
  const r = parseYearLedgerJson(JSON.parse(text), 'ledgers');
  // The service wrote it with yearLedgerToJson: failing to read it back is a fault, not a refusal.
  if (!r.ok)
    throw new Error(
      `the stored ledger of ${personId} ${year} does not read back: ${r.errors[0]?.path} ${r.errors[0]?.message}`,
    );
  return r.value;
}
