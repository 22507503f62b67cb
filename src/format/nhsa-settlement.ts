/**
 * A settlement in the shape of the national medical-insurance platform's settlement record
 * (医疗保障信息平台: `setlinfo`, and `setldetail`, one row per fund), which hospitals report for
 * every settlement. Which field and fund row each of our lines goes to is data: the `nhsa` block of
 * each tier file (a region's fund type codes are its own, so the shipped ones say `verified:
 * false`); a tier without one goes by its payer kind (the hospital's lines to `hosp_part_amt`, any
 * other to `oth_pay`, with its tier id as fund type).
 *
 * How the fields add up (tested on every worked example and on generated claims of both schemes):
 *
 *   medfee_sumamt   = the bill (total)
 *   hosp_part_amt   = what the hospital absorbed + the lines mapped to hosp_part_amt (the 2017 waiver)
 *   fund_pay_sumamt = hifp_pay + cvlserv_pay + hifes_pay + hifmi_pay + hifob_pay + maf_pay + oth_pay
 *                   = Σ setldetail[].fund_payamt
 *   psn_part_amt    = psn_cash_pay = personal (no personal account is used: acct_pay = 0)
 *   medfee_sumamt   = fund_pay_sumamt + hosp_part_amt + psn_part_amt
 *   fulamt_ownpay_amt = the out-of-catalog (丙类) items billed (not absorbed by the hospital)
 *   preselfpay_amt  = Pb, the 乙类 share paid first;  inscp_scp_amt = S, the in-scope cost, as the
 *                     carve-outs leave them (docs/policy-2017.md §4)
 *   act_pay_dedc    = the deductible the first deductible/ratio table charged on this claim
 *
 * Per fund row: `fund_payamt` the sum of its lines; `inscp_scp_amt` what its first line computed
 * on (the base of its formula); `crt_payb_lmt_amt` the most it could pay this time: what its cap
 * had left, or what its formula gave where it has no cap (for a fund a top-up drew on: what it gave). Amounts are JSON numbers with two
 * decimals, as the platform writes them, converted at this edge from their exact text.
 */
import type { Fen } from '../money/fen.js';
import { ZERO, add, formatFen } from '../money/fen.js';
import { NHSA_FIELDS, type NhsaField } from '../rule-files/types.js';
import type { SettlementRecord } from '../settle/settle-claim.js';
import type { SettledLine } from '../kinds/kind-list.js';
import { deductibleCharged, lineBase, lineLimit } from './line-figures.js';

/** One fund row of the platform's record. */
export interface NhsaFundRow {
  readonly fund_pay_type: string;
  readonly fund_pay_type_name: string;
  readonly inscp_scp_amt: number;
  readonly crt_payb_lmt_amt: number;
  readonly fund_payamt: number;
}

/** A settlement as the platform's record. */
export interface NhsaSettlement {
  readonly claimId: string;
  readonly personId: string;
  readonly setlinfo: {
    readonly medfee_sumamt: number;
    readonly fulamt_ownpay_amt: number;
    readonly preselfpay_amt: number;
    readonly inscp_scp_amt: number;
    readonly act_pay_dedc: number;
  } & Readonly<Record<NhsaField, number>> & {
      readonly fund_pay_sumamt: number;
      readonly psn_part_amt: number;
      readonly acct_pay: number;
      readonly psn_cash_pay: number;
    };
  readonly setldetail: readonly NhsaFundRow[];
}

const num = (f: Fen): number => Number(formatFen(f));

/**
 * The platform's settlement record of a settlement.
 *
 * @example
 * nhsaSettlement(record).setlinfo.fund_pay_sumamt // 7950
 */
export function nhsaSettlement(r: SettlementRecord): NhsaSettlement {
  const byField = Object.fromEntries(NHSA_FIELDS.map((f) => [f, ZERO])) as Record<NhsaField, Fen>;
  byField.hosp_part_amt = r.bill.hospitalAbsorbed;
  const rows = new Map<string, { name: string; base: Fen; limit: Fen; paid: Fen }>();
  const row = (type: string, name: string, line: SettledLine, paid: Fen, limit = lineLimit(line)): void => {
    const x = rows.get(type);
    if (x) x.paid = add(x.paid, paid);
    else rows.set(type, { name, base: lineBase(line), limit, paid });
  };
  for (const l of r.lines) {
    const tier = r.policy.tiers.find((t) => t.id === l.id);
    const m = tier?.nhsa;
    const field: NhsaField = m?.field ?? (l.payer === 'hospital' ? 'hosp_part_amt' : 'oth_pay');
    byField[field] = add(byField[field], l.amount);
    if (field === 'hosp_part_amt') continue;
    const ran = l.detail.kind !== 'not-applicable' && l.detail.kind !== 'not-designated';
    if (m?.funds) {
      // A top-up: a row per fund it drew on (a fund's room this time is what it gave).
      for (const d of l.funds ?? []) {
        const f = m.funds[d.fund];
        row(f?.fundType ?? d.fund, f?.fundTypeName ?? d.fund, l, d.amount, d.amount);
      }
    } else if (ran || l.amount > 0) row(m?.fundType ?? l.id, m?.fundTypeName ?? l.label, l, l.amount);
  }
  let fundSum = ZERO;
  for (const f of NHSA_FIELDS) if (f !== 'hosp_part_amt') fundSum = add(fundSum, byField[f]);
  const setlinfo = {
    medfee_sumamt: num(r.bill.total),
    fulamt_ownpay_amt: num(outOfCatalog(r)),
    preselfpay_amt: num(r.scope[1]!),
    inscp_scp_amt: num(r.scope[0]!),
    act_pay_dedc: num(deductibleCharged(r.lines)),
    ...(Object.fromEntries(NHSA_FIELDS.map((f) => [f, num(byField[f])])) as Record<NhsaField, number>),
    fund_pay_sumamt: num(fundSum),
    psn_part_amt: num(r.personal),
    acct_pay: 0,
    psn_cash_pay: num(r.personal),
  };
  const setldetail = [...rows].map(([type, x]) => ({
    fund_pay_type: type,
    fund_pay_type_name: x.name,
    inscp_scp_amt: num(x.base),
    crt_payb_lmt_amt: num(x.limit),
    fund_payamt: num(x.paid),
  }));
  return { claimId: r.claim.id, personId: r.claim.person.id, setlinfo, setldetail };
}

function outOfCatalog(r: SettlementRecord): Fen {
  return add(add(r.bill.pools[4]!, r.bill.pools[5]!), add(r.bill.pools[6]!, r.bill.pools[7]!));
}
