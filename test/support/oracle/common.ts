/**
 * What both specs share (docs/policy-2022.md: "Everything not said here is as in docs/policy-2017.md: pools,
 * pro-rata, rounding, location classes and table rows, non-designated hospitals …"): the oracle's
 * reading of docs/policy-2017.md §2, §3 and the mechanics of the table, bracket and yearly-deductible steps
 * of §4. The numbers live in the era files.
 */
import type { Area, County, HospitalLevel, OracleClaim, OracleRuleSetId } from './claim.js';
import {
  capAtOne,
  divHalfUp,
  formatFen,
  largestRemainder,
  max0,
  min,
  ONE,
  sum,
  timesRound,
  type Fen,
  type Ratio,
} from './money.js';
import type { OracleLine, OracleSettlement, OracleYearState } from './state.js';

// ── docs/policy-2017.md §2: where the care happened ────────────────────────────────────────────────────

export type LocationClass = 'in-county' | 'in-city' | 'in-province' | 'out-of-province';
export type TableRow = 'township' | 'county' | 'city' | 'in-province' | 'out-of-province';

/** §2 location class, relative to the patient. @example locationClass('anyue', 'lezhi') === 'in-city' */
export function locationClass(county: County, area: Area): LocationClass {
  if (area === county) return 'in-county';
  if (area === 'sichuan') return 'in-province';
  if (area === 'other-province') return 'out-of-province';
  return 'in-city';
}

/** §2 "In jurisdiction" (辖区内) = in-county or in-city. @example inJurisdiction('in-city') === true */
export function inJurisdiction(location: LocationClass): boolean {
  return location === 'in-county' || location === 'in-city';
}

/**
 * §2 parameter level: by hospital level in jurisdiction (a provincial hospital there uses the
 * city row), by location class otherwise, whatever the level. (The Yanjiang rule is 2017's.)
 * @example tableRow('in-city', 'provincial') === 'city'
 */
export function tableRow(location: LocationClass, level: HospitalLevel): TableRow {
  if (location === 'in-province' || location === 'out-of-province') return location;
  return level === 'provincial' ? 'city' : level;
}

// ── docs/policy-2017.md §3: the bill ───────────────────────────────────────────────────────────────────

/** §3.2 the eight pools, in the fixed order of §3.3 (ties of the pro-rata go to the earlier). */
export const POOL_ORDER = [
  'A.drug',
  'A.nondrug',
  'B.drug',
  'B.nondrug',
  'N.drug',
  'N.nondrug',
  'O.drug',
  'O.nondrug',
] as const;
export type PoolName = (typeof POOL_ORDER)[number];
export type Pools = Readonly<Record<PoolName, Fen>>;
export const NON_DRUG_POOLS: readonly PoolName[] = ['A.nondrug', 'B.nondrug', 'N.nondrug', 'O.nondrug'];

/** The bill split into hospital-absorbed and the eight pools of what stays billable. */
export interface Bill {
  readonly total: Fen;
  readonly hospitalAbsorbed: Fen;
  readonly billable: Fen;
  readonly pools: Pools;
}

/**
 * §3.1–3.2: every item is either hospital-absorbed (by the era's `absorbed` test) or goes to
 * its pool: catalog `A`, `B`, `C` necessary → `N`, `C` otherwise → `O`; drug or non-drug.
 * @example splitBill(claim, (item) => !item.compliant).billable
 */
export function splitBill(claim: OracleClaim, absorbed: (item: OracleClaim['items'][number]) => boolean): Bill {
  const pools: Record<PoolName, Fen> = {
    'A.drug': 0n,
    'A.nondrug': 0n,
    'B.drug': 0n,
    'B.nondrug': 0n,
    'N.drug': 0n,
    'N.nondrug': 0n,
    'O.drug': 0n,
    'O.nondrug': 0n,
  };
  let hospitalAbsorbed = 0n;
  for (const item of claim.items) {
    if (absorbed(item)) {
      hospitalAbsorbed += item.amount;
      continue;
    }
    const group = item.catalog === 'C' ? (item.necessary ? 'N' : 'O') : item.catalog;
    pools[`${group}.${item.drug ? 'drug' : 'nondrug'}` as PoolName] += item.amount;
  }
  const total = sum(claim.items.map((i) => i.amount));
  return { total, hospitalAbsorbed, billable: total - hospitalAbsorbed, pools };
}

/** The sum of some pools (all of them by default). @example poolSum(pools, NON_DRUG_POOLS) */
export function poolSum(pools: Pools, names: readonly PoolName[] = POOL_ORDER): Fen {
  return sum(names.map((n) => pools[n]));
}

/**
 * §3.3: takes `amount` from the named pools pro-rata by largest remainder (in the fixed order).
 * @example takeProRata(pools, NON_DRUG_POOLS, waiver)
 */
export function takeProRata(pools: Pools, names: readonly PoolName[], amount: Fen): Pools {
  const ordered = POOL_ORDER.filter((n) => names.includes(n));
  const parts = largestRemainder(
    amount,
    ordered.map((n) => pools[n]),
  );
  const next: Record<PoolName, Fen> = { ...pools };
  ordered.forEach((n, i) => (next[n] -= parts[i]!));
  return next;
}

/** §4 the in-scope split: `S = A + B − Pb`, `Pb = round(B × bSelfPay)`; `N` and `O` out of scope. */
export interface Scope {
  readonly S: Fen;
  readonly Pb: Fen;
  readonly N: Fen;
  readonly O: Fen;
}

/** @example inScope(pools, ratio('0.10')).S */
export function inScope(pools: Pools, bSelfPay: Ratio): Scope {
  const A = pools['A.drug'] + pools['A.nondrug'];
  const B = pools['B.drug'] + pools['B.nondrug'];
  const Pb = timesRound(B, bSelfPay);
  return { S: A + B - Pb, Pb, N: pools['N.drug'] + pools['N.nondrug'], O: pools['O.drug'] + pools['O.nondrug'] };
}

// ── docs/policy-2017.md §4: step mechanics ─────────────────────────────────────────────────────────────

/**
 * §4 tier 2 (and docs/policy-2022.md tier 3, "consumed … like the special-outpatient deductible"):
 * a deductible, a ratio and what is left of a cap. `consumed` is what earlier claims of the year
 * consumed of a yearly deductible, or `null` for a per-admission deductible.
 * `due = max(0, deductible − consumed)`, `consumed += min(base, due)`,
 * `pay = min(round(max(0, base − due) × ratio), capLeft)`.
 * @example deductibleRatioPay(100000n, 20000n, null, ratio('0.8'), 10n ** 9n).pay === 64000n
 */
export function deductibleRatioPay(
  base: Fen,
  deductible: Fen,
  consumed: Fen | null,
  r: Ratio,
  capLeft: Fen,
): { pay: Fen; consumed: Fen } {
  const due = consumed === null ? deductible : max0(deductible - consumed);
  const pay = min(timesRound(max0(base - due), capAtOne(r)), max0(capLeft));
  return { pay, consumed: (consumed ?? 0n) + min(base, due) };
}

/** One serious-illness bracket: its ratio, up to `upTo` (absolute `c`; null: no upper bound). */
export interface Bracket {
  readonly upTo: Fen | null;
  readonly ratio: Ratio;
}

/**
 * §4 tier 3 `f(c)` = Σ ratio_i × (part of c inside bracket i), the first bracket starting at the
 * deductible `D`, each next one at the previous bound; exact, in fen × 1/10,000 (not yet rounded).
 * @example bracketSumExact(20000_00n, 10000_00n, brackets)
 */
export function bracketSumExact(c: Fen, deductible: Fen, brackets: readonly Bracket[]): bigint {
  let lower = deductible;
  let exact = 0n;
  for (const b of brackets) {
    const upper = b.upTo === null ? c : min(c, b.upTo);
    exact += max0(upper - lower) * capAtOne(b.ratio);
    if (b.upTo !== null && b.upTo > lower) lower = b.upTo;
  }
  return exact;
}

/** `round(f(c))` to the fen, half-up. @example bracketSum(0n, 1n, []) === 0n */
export function bracketSum(c: Fen, deductible: Fen, brackets: readonly Bracket[]): Fen {
  return divHalfUp(bracketSumExact(c, deductible, brackets), ONE);
}

/**
 * §4 tier 3 pay: `min(round(f(c1)) − round(f(c0)), capLeft, S left)`; `capLeft` null where no cap
 * applies (docs/policy-2022.md tier 2, core group).
 * @example seriousIllnessPay(0n, 0n, 1000000n, brackets, null, 0n) === 0n
 */
export function seriousIllnessPay(
  c0: Fen,
  c1: Fen,
  deductible: Fen,
  brackets: readonly Bracket[],
  capLeft: Fen | null,
  sLeft: Fen,
): Fen {
  const growth = bracketSum(c1, deductible, brackets) - bracketSum(c0, deductible, brackets);
  return capLeft === null ? min(growth, sLeft) : min(growth, max0(capLeft), sLeft);
}

// ── docs/claim.md: the settlement ──────────────────────────────────────────────────────────────

/** `personalShare` = personal / billable, 4 decimals, half-up ("0.0000" when billable is 0). */
export function personalShare(personal: Fen, billable: Fen): string {
  if (billable === 0n) return '0.0000';
  const tenThousandths = divHalfUp(personal * 10_000n, billable);
  return `${tenThousandths / 10_000n}.${(tenThousandths % 10_000n).toString().padStart(4, '0')}`;
}

/** A line of the settlement from fen. @example line(2, 'basic-insurance', 100n) */
export function line(tier: number, id: string, amount: Fen): OracleLine {
  return { tier, id, amount: formatFen(amount) };
}

/**
 * Assembles the settlement and checks the oracle's own arithmetic (docs/policy-2017.md §5.1 and "personal is
 * never negative"), so that a slip in the oracle shows as a thrown error, not as a wrong answer.
 */
export function assemble(
  claim: OracleClaim,
  rules: OracleRuleSetId,
  bill: Bill,
  lines: readonly { line: OracleLine; fen: Fen }[],
  target: { personalMax: Fen } | null,
): OracleSettlement {
  const paid = sum(lines.map((l) => l.fen));
  const personal = bill.billable - paid;
  if (personal < 0n || lines.some((l) => l.fen < 0n)) throw new Error(`oracle: ${claim.id} pays more than its bill`);
  return {
    claimId: claim.id,
    rules,
    total: formatFen(bill.total),
    hospitalAbsorbed: formatFen(bill.hospitalAbsorbed),
    billable: formatFen(bill.billable),
    lines: lines.map((l) => l.line),
    personal: formatFen(personal),
    personalShare: personalShare(personal, bill.billable),
    target:
      target === null ? null : { personalMax: formatFen(target.personalMax), met: personal <= target.personalMax },
  };
}

/** The state after a claim: the claim id recorded plus the counters the era changed. */
export function recordClaim(
  state: OracleYearState,
  claimId: string,
  changes: Partial<OracleYearState>,
): OracleYearState {
  return { ...state, ...changes, claimIds: [...state.claimIds, claimId] };
}
