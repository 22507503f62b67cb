/**
 * Fixed-bin histograms, so that a simulation's distributions take the same memory for a thousand
 * claims as for a billion and merge across workers by adding counts. Personal shares are binned by
 * basis point (exact at the settlement's own precision); personal pay by 1% steps of a log scale
 * (a percentile is exact to within 1%, said so wherever it is shown).
 */

/** Bins of the personal share: one per basis point, 0 … 10,000. */
export const SHARE_BINS = 10_001;
/** Personal pay bins: bin 0 holds 0 fen; bin k ≥ 1 holds [STEP^(k−1), STEP^k) yuan above 0.01. */
export const PAY_STEP = 1.01;
/** Enough bins for 10^14 fen (above any claim the contract admits). */
export const PAY_BINS = 1 + Math.ceil(Math.log(1e14) / Math.log(PAY_STEP));

/**
 * The personal-pay bin of an amount in fen.
 *
 * @example
 * payBin(0) // 0
 */
export function payBin(fen: number): number {
  if (fen <= 0) return 0;
  return 1 + Math.min(PAY_BINS - 2, Math.floor(Math.log(fen) / Math.log(PAY_STEP)));
}

/**
 * The upper bound in fen of a personal-pay bin (what a percentile in that bin is reported as).
 *
 * @example
 * payBinUpper(0) // 0
 */
export function payBinUpper(bin: number): number {
  return bin === 0 ? 0 : Math.ceil(PAY_STEP ** bin);
}

/**
 * The bin below which `p` of the counts lie (nearest-rank percentile), or −1 when empty.
 *
 * @example
 * percentileBin([1, 1, 2], 0.5) // 1 (the 2nd of 4 counts lies in bin 1)
 */
export function percentileBin(counts: ArrayLike<number>, p: number): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i]!;
  if (n === 0) return -1;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i]!;
    if (seen >= rank) return i;
  }
  return counts.length - 1;
}
