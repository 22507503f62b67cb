/**
 * # An oracle of the specification, for tests
 *
 * A second, deliberately naive implementation of `docs/policy-2017.md` (rule set
 * `ziyang-2017`, discharge dates 2017-03-17 … 2020-12-31) and `docs/policy-2022.md`
 * (`ziyang-2022`, from 2022-01-01; 2021 has no rule set), written from the spec text alone. It
 * shares nothing with `src/` or `bench/` and was written without reading `rules/`: the default
 * parameters of both specs are constants here (docs/policy-2017.md §8, docs/policy-2022.md §5). Amounts are
 * BigInt fen; `round` is half-up to the fen, floor only where the spec says floor; the pro-rata
 * reduction is the largest remainder of docs/policy-2017.md §3.3. Each step carries its spec section.
 *
 * Files: `claim.ts` (reading a claim, docs/claim.md), `money.ts` (fen, ratios, rounding, largest
 * remainder), `common.ts` (docs/policy-2017.md §2–§4 shared by both eras), `ziyang-2017.ts`,
 * `ziyang-2022.ts`, `state.ts` (the person-year ledger and the settlement shape), `generate.ts`
 * (fast-check claims of both eras).
 *
 * ## Readings of points the spec leaves open (the lead compares them with the engine)
 *
 * Both eras
 * - R1. Person-year = `person.id` × calendar year of `visit.discharged` (docs/policy-2017.md §6).
 * - R2. Not designated: hospital absorption (§3.1) still happens (it is about the bill, "at every
 *   hospital"), then no tier pays, no target, and only the claim id enters the ledger; no
 *   serious-illness or tilted burden, no deductible consumed.
 * - R3. General outpatient: its own yearly deductible counter and its own annual cap (300); what
 *   it pays counts neither toward the 150,000 basic cap nor toward any other tier's counter, and
 *   the basic cap's payments do not reduce the general-outpatient cap. It adds nothing to the
 *   serious-illness burden `c` (tier 3 does not apply to it).
 * - R4. Special outpatient: the table (resident or urban-employee) ignores hospital level and
 *   location; its yearly deductible is consumed per table; it shares the 150,000 basic cap with
 *   inpatient and delivery.
 * - R5. Serious-illness brackets: the bounds 50,000 and 100,000 are absolute amounts of `c` in
 *   2017 too (docs/policy-2022.md spells this out; example 10 confirms it); the first bracket runs
 *   from the deductible `D`. `c1 = c0 + (S − basic)` whatever tier 3 then pays (caps included),
 *   and `c` grows on every claim tier 3 applies to (designated, not general outpatient). Both
 *   `f(c0)` and `f(c1)` use the current claim's parameters (a 2017 person who stops being
 *   protected within the year is settled on the general deductible and ratios for the whole `c`).
 * - R6. A per-year deductible is consumed by `min(base, due)` even when a cap or limit then binds
 *   the payment (the formula says so; nothing exempts it).
 * - R7. Every "cap − paidThisYear" is clamped at 0.
 * - R8. `personalShare` is the exact ratio personal / billable rounded half-up to 4 decimals.
 *
 * ziyang-2017
 * - R9. The Yanjiang rule needs all of: a protected person, resident in Yanjiang, a hospital in
 *   Yanjiang, of level `city` exactly (a `provincial` hospital in Yanjiang keeps the city row).
 *   It changes the row to `county`; the class is `in-county` anyway.
 * - R10. C items are hospital-absorbed for protected persons at in-jurisdiction hospitals (in
 *   county or in city, Yanjiang rule or not), for every visit kind, general outpatient included.
 * - R11. Tier 0 applies at designated hospitals only. The excess is `max(0, billable − limit)`
 *   on the claim's billable; the subsidy is at most what the pools hold after the excess. The
 *   excess is paid on the tier-8 line (`relief-funds`), fund `health-poverty-relief` (funds are
 *   unlimited in a single settlement, so `major-disease-charity` never pays); the tier-8 line's
 *   amount is excess + top-up, and `funds` lists the excess first, then the top-up.
 * - R12. Tier 1 (waiver) applies to protected persons at every location (example 05 out of
 *   province), on inpatient, delivery and special outpatient; not to general outpatient.
 * - R13. `Pb`, `S`, `N`, `O` are computed once, from the pools after tiers 0 and 1.
 * - R14. Tier 6's `N` is the necessary-C pools after tiers 0–1; tier 7's "N left" is
 *   `N − round(0.80 × N)` when tier 6 paid, else `N`; tier 7's "S left" is 0 after tier 6.
 * - R15. Tier 5 applies to registered-poor at every location, no cap; tier 4's protected ratio
 *   is 10% + 10 points = 20%.
 * - R16. Targets (tier 8) only for protected persons at designated hospitals on inpatient,
 *   delivery and special outpatient; the table is read top-down: delivery (any location) → 0;
 *   special outpatient chronic (any location) → floor(10% × billable); in county → 0; out of
 *   county with majorDisease and referral referred/emergency → 0; else no target (`null`).
 *   `chronic` on an inpatient claim changes nothing. `met` = personal ≤ τ.
 * - R17. Top-up funds: a single settlement draws only from `emergency-relief`. The
 *   `relief-funds` line always carries `funds`, `{}` when no fund paid (examples 02, 03, 08).
 *
 * ziyang-2022
 * - R18. Delivery is settled like inpatient (per-admission deductible, location row, every
 *   layer); `deliveryMode` is ignored.
 * - R19. Tier 2: the core group's pay has no cap term at all (`min(growth, S left)`), and what it
 *   pays still counts in `paidThisYear` for a later non-core claim of the same year.
 * - R20. Tier 3 applies to the core, marginal and illness groups at every location (no
 *   location condition in the text); one deductible counter per person-year whatever the
 *   category; it consumes `min(S left, due)`.
 * - R21. Tier 4: `b` grows by S left (after tiers 1–3) only on claims the tier applies to;
 *   out-of-province care never qualifies; in-county care qualifies whatever the referral.
 * - R22. 2022 has no Yanjiang rule: a city-level hospital in Yanjiang uses the city row for
 *   everyone.
 */
import { readClaim } from './claim.js';
import { emptyYearState, type OracleSettlement, type OracleYearState } from './state.js';
import { settle2017 } from './ziyang-2017.js';
import { settle2022 } from './ziyang-2022.js';

export { emptyYearState, type OracleLine, type OracleSettlement, type OracleYearState } from './state.js';
export { readClaim, ruleSetOn, type OracleClaim, type OracleRuleSetId } from './claim.js';
export { P2017 } from './ziyang-2017.js';
export { P2022 } from './ziyang-2022.js';

/**
 * Settles one claim (its JSON, docs/claim.md, assumed valid) against the ledger of its person-year
 * (`undefined` for the first claim of the year) and returns the settlement and the new ledger.
 * Throws for a discharge date with no rule set, for a ledger of another person-year and for a
 * claim id the ledger already holds.
 * @example
 * const { settlement, state } = oracleSettle(claim, undefined);
 * const next = oracleSettle(secondClaimOfTheYear, state);
 */
export function oracleSettle(
  claimJson: unknown,
  yearState: OracleYearState | undefined,
): { settlement: OracleSettlement; state: OracleYearState } {
  const claim = readClaim(claimJson);
  const before = yearState ?? emptyYearState(claim.personId, claim.year, claim.rules);
  if (before.personId !== claim.personId || before.year !== claim.year || before.rules !== claim.rules) {
    throw new Error(
      `oracle: claim ${claim.id} (${claim.personId}, ${claim.year}) given the ledger of ${before.personId}, ${before.year}`,
    );
  }
  if (before.claimIds.includes(claim.id)) throw new Error(`oracle: claim ${claim.id} is already in the ledger`);
  return claim.rules === 'ziyang-2017' ? settle2017(claim, before) : settle2022(claim, before);
}

/**
 * Settles claims in order, threading one ledger per person and calendar year (docs/policy-2017.md §6).
 * Claim ids must be unique across the whole sequence.
 * @example oracleSettleSequence(example.claims).settlements[0].personal
 */
export function oracleSettleSequence(claims: readonly unknown[]): {
  settlements: OracleSettlement[];
  states: Map<string, OracleYearState>;
} {
  const states = new Map<string, OracleYearState>();
  const seen = new Set<string>();
  const settlements = claims.map((json) => {
    const claim = readClaim(json);
    if (seen.has(claim.id)) throw new Error(`oracle: claim id ${claim.id} appears twice`);
    seen.add(claim.id);
    const key = `${claim.personId}|${claim.year}`;
    const { settlement, state } = oracleSettle(json, states.get(key));
    states.set(key, state);
    return settlement;
  });
  return { settlements, states };
}
