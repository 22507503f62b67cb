/** What the service uses from bashunwei (from source here; `from 'bashunwei'` in a real project). */
export {
  ClaimErrorCode, claimIssue, formatFen, isLang, ledgerYear, parseClaim, parseLedgerJson, reverseClaim, settleClaim, settlementToJson, yearLedgerToJson,
  type Claim, type Fen, type Lang, type YearLedger,
} from '../../src/index.js';
