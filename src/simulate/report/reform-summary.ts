/**
 * The reform's answer, first in the report: what it costs each payer and the payers in all, what
 * it saves the patients, how the share of the bills they pay and the targets missed move, per
 * county and per pathway, and who gains and who loses (how many person-years pay less or more,
 * per county and per category, and the person-years whose pay moved most each way).
 */
import type { Aggregates, GroupSums } from '../core/aggregates.js';
import { type PayChangeCounts, type ChangedPatient } from '../core/changed.js';
import { type DimensionEntry, byId, categories, counties, pathways, tiers, unionOf } from './dimension-entries.js';
import { hospitalTierIds, publicSpending, publicTierMask } from './public-spending.js';
import { type Compared, comparedShare, comparedYuan, yuan } from './values.js';
import type { SimulationResult } from '../core/simulation.js';

/** One group (all claims, a county, a pathway) under the baseline and under reform `r`. */
function compareGroups(result: SimulationResult, r: number, base: GroupSums, reform: GroupSums) {
  return {
    claims: { baseline: base.claims, reform: reform.claims, change: reform.claims - base.claims },
    /** Paid by every payer but the patient and the hospital (its waiver is its own money: public-spending.ts). */
    publicSpending: comparedYuan(
      publicSpending(publicTierMask(result, 0), base.byTier),
      publicSpending(publicTierMask(result, r), reform.byTier),
    ),
    personal: comparedYuan(base.personal, reform.personal),
    personalShare: comparedShare([base.personal, base.billable], [reform.personal, reform.billable]),
  };
}

const countsJson = (c: PayChangeCounts | undefined) => ({
  less: c?.less ?? 0,
  lessBy: yuan(c?.lessBy ?? 0),
  more: c?.more ?? 0,
  moreBy: yuan(c?.moreBy ?? 0),
  same: c?.same ?? 0,
});

const patientJson = (p: ChangedPatient, r: number) => ({
  personId: p.personId,
  year: p.year,
  county: p.county,
  category: p.category,
  ...comparedYuan(p.personal[0]!, p.personal[r]!),
});

/**
 * The answer for one reform (variant `r` ≥ 1) against the baseline (variant 0). When the two
 * sides did not settle the same claims (`comparable: false`), who gains and who loses is not
 * told: `personYears`, `gainers` and `losers` are `null` (a person-year whose claims only one side
 * settled would count as paying less or more when it was only refused).
 *
 * @example
 * reformSummary(result, 1).publicSpending.change // "4790000.00"
 */
export function reformSummary(result: SimulationResult, r: number) {
  const base = result.variants[0]!;
  const reform = result.variants[r]!;
  const baseTiers = byId(tiers(result, 0), base.aggregates.all.byTier);
  const reformTiers = byId(tiers(result, r), reform.aggregates.all.byTier);
  const changes = result.payChanges[r - 1];
  // The person-years whose pay moved most under this reform, each way, largest first (ties by
  // person id, then year). With several reforms the kept list is ranked by the largest change
  // over all of them, so a reform's own list may be shorter than the others'.
  const delta = (p: ChangedPatient): number => p.personal[r]! - p.personal[0]!;
  const ranked = result.changed
    .filter((p) => delta(p) !== 0)
    .sort(
      (a, b) =>
        Math.abs(delta(b)) - Math.abs(delta(a)) ||
        (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.year - b.year),
    );
  const countyIds = unionOf(result, counties, r + 1);
  const countyOf = (a: Aggregates, v: number, id: string): GroupSums | undefined =>
    a.byCounty[counties(result, v).findIndex((c) => c.id === id)];
  const pathwayOf = (a: Aggregates, v: number, id: string): GroupSums | undefined =>
    a.byPathway[pathways(result, v).findIndex((k) => k.id === id)];
  const empty: GroupSums = { claims: 0, total: 0, hospitalAbsorbed: 0, billable: 0, personal: 0, byTier: [] };
  const comparable = result.unlike[r - 1] === 0;
  return {
    reform: reform.name,
    baseline: base.name,
    /**
     * False when some claims were settled under one side and refused under the other (a reform
     * without the rule set of some discharge dates, a category it no longer has): then every
     * difference below mixes the reform's effect with claims only one side paid, and the report
     * says so first.
     */
    comparable,
    /** The claims settled under one side but not the other (their refusals are in `counts`). */
    unlike: result.unlike[r - 1] ?? 0,
    payers: unionOf(result, tiers, r + 1)
      .filter((t) => baseTiers.has(t.id) || reformTiers.has(t.id))
      .map((t) => ({ id: t.id, ...comparedYuan(baseTiers.get(t.id) ?? 0, reformTiers.get(t.id) ?? 0) })),
    ...compareGroups(result, r, base.aggregates.all, reform.aggregates.all),
    /** The tiers `publicSpending` leaves out: those whose payer kind is `hospital` (the hospital's waiver). */
    publicSpendingExcludes: hospitalTierIds(result, [0, r]),
    targetsMissed: {
      baseline: base.aggregates.targets.missed,
      reform: reform.aggregates.targets.missed,
      change: reform.aggregates.targets.missed - base.aggregates.targets.missed,
    },
    byCounty: countyIds.map((c) => ({
      id: c.id,
      ...compareGroups(
        result,
        r,
        countyOf(base.aggregates, 0, c.id) ?? empty,
        countyOf(reform.aggregates, r, c.id) ?? empty,
      ),
    })),
    byPathway: unionOf(result, pathways, r + 1).map((k) => ({
      id: k.id,
      ...compareGroups(
        result,
        r,
        pathwayOf(base.aggregates, 0, k.id) ?? empty,
        pathwayOf(reform.aggregates, r, k.id) ?? empty,
      ),
    })),
    /** How many person-years pay less, more or the same, in all, per county and per category (`null`: not comparable). */
    personYears: !comparable
      ? null
      : {
          ...countsJson(changes?.all),
          byCounty: Object.keys(changes?.byCounty ?? {})
            .sort(byOrder(countyIds))
            .map((id) => ({ id, ...countsJson(changes!.byCounty[id]) })),
          byCategory: Object.keys(changes?.byCategory ?? {})
            .sort(byOrder(unionOf(result, categories, r + 1)))
            .map((id) => ({ id, ...countsJson(changes!.byCategory[id]) })),
        },
    /** The person-years whose pay fell most (`null`: not comparable). */
    gainers: comparable ? ranked.filter((p) => delta(p) < 0).map((p) => patientJson(p, r)) : null,
    /** The person-years whose pay rose most (`null`: not comparable). */
    losers: comparable ? ranked.filter((p) => delta(p) > 0).map((p) => patientJson(p, r)) : null,
  };
}

/** Sorts ids by their position in a dimension, unknown ids last by name. */
const byOrder =
  (dim: readonly DimensionEntry[]) =>
  (a: string, b: string): number => {
    const i = dim.findIndex((d) => d.id === a);
    const j = dim.findIndex((d) => d.id === b);
    return (i < 0 ? Infinity : i) - (j < 0 ? Infinity : j) || (a < b ? -1 : a > b ? 1 : 0);
  };

/** The answer for one reform, as the report JSON holds it. */
export type ReformSummary = ReturnType<typeof reformSummary>;
/** Re-exported for the report's readers. */
export type { Compared };
