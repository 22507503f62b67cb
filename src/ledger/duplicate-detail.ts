/**
 * Where an earlier claim with the same id was seen, for `duplicate_claim` in a batch or a
 * simulation (the ledger's rule: an id is settled once, docs/claim.md "The ledger").
 *
 * @example
 * say(lang, DUPLICATE_DETAIL)
 */
import type { Words } from '../i18n/say.js';

/** "Earlier in this batch or in the ledger", in both languages. */
export const DUPLICATE_DETAIL: Words = { zh: '本批次前面或台账中已有', en: 'earlier in this batch or in the ledger' };
