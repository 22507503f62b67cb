/**
 * Adding up the results of parts of one simulation (partitions, workers, machines): every figure
 * is a sum or a count, the person-years whose pay changed most are re-ranked (each way), the refused inputs
 * re-sorted by line. The parts must be of disjoint persons and claim ids (a split by person).
 */
import { mergeAggregates } from '../core/aggregates.js';
import { copyPayChanges, keepTop, mergePayChanges } from '../core/changed.js';
import { type Rejection, type SimulationResult, MAX_REJECTIONS } from '../core/simulation.js';

/**
 * Adds up the results of the parts of one simulation (the first result's aggregates are added to
 * in place and returned).
 *
 * @example
 * mergeResults([a, b], 10)
 */
export function mergeResults(results: readonly SimulationResult[], keep: number): SimulationResult {
  const [first, ...rest] = results;
  if (!first) throw new Error('no results to merge');
  const variants = first.variants.map((v, i) => {
    // Unlimited funds leave every year's entry empty, so the years of every part are kept; finite
    // balances are drawn in input order across persons and are never split into parts.
    const fundsLeft = { ...v.fundsLeft };
    for (const r of rest) for (const [year, left] of Object.entries(r.variants[i]!.fundsLeft)) fundsLeft[year] ??= left;
    return {
      name: v.name,
      aggregates: rest.reduce((a, r) => mergeAggregates(a, r.variants[i]!.aggregates), v.aggregates),
      fundsLeft: Object.fromEntries(Object.entries(fundsLeft).sort(([a], [b]) => Number(a) - Number(b))),
    };
  });
  const changed = keepTop(
    results.flatMap((r) => r.changed),
    keep,
  );
  const payChanges = rest.reduce((t, r) => mergePayChanges(t, r.payChanges), copyPayChanges(first.payChanges));
  const rejections: Rejection[] = results
    .flatMap((r) => r.rejections)
    .sort((a, b) => (a.file === b.file ? a.line - b.line : (a.file ?? '') < (b.file ?? '') ? -1 : 1))
    .slice(0, MAX_REJECTIONS);
  const unlike = first.unlike.map((_, k) => results.reduce((s, r) => s + (r.unlike[k] ?? 0), 0));
  return { variants, changed, payChanges, lines: results.reduce((s, r) => s + r.lines, 0), unlike, rejections };
}
