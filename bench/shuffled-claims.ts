/**
 * Synthetic claims in random person order, as a payer's extract comes (by discharge date or
 * settlement time, not grouped by person), for the bench (issue 13): the generator's claims
 * (seeds/generator.ts) shuffled with a seeded PRNG, in constant memory whatever the count: each
 * claim goes to a random pile file, then each pile is shuffled in memory and appended to the output.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Population, generateClaims, prng } from '../seeds/generator.js';

/** Piles of the external shuffle: a pile of 4,000,000 claims / 64 is about 30 MB. */
const PILES = 64;

/**
 * Writes `claims` generated claims (seed `seed`) to `path` in an order drawn from `shuffleSeed`;
 * returns how many persons they name.
 *
 * @example
 * writeShuffledClaims('/tmp/x/claims.ndjson', { claims: 1_000_000, seed: 2018, shuffleSeed: 13 }) // { persons: 416… }
 */
export function writeShuffledClaims(
  path: string,
  options: { claims: number; seed: number; shuffleSeed: number; population?: Partial<Population> },
): { persons: number } {
  const rnd = prng(options.shuffleSeed);
  const piles = Array.from({ length: PILES }, (_, i) => `${path}.pile-${i}`);
  const buffers: string[] = new Array<string>(PILES).fill('');
  let persons = 0;
  let last = '';
  try {
    for (const c of generateClaims({
      claims: options.claims,
      seed: options.seed,
      year: 2018,
      population: options.population,
    })) {
      const person = (c.person as { id: string }).id;
      if (person !== last) persons++, (last = person); // the generator writes a person's claims together
      const p = Math.floor(rnd() * PILES);
      buffers[p] += `${JSON.stringify(c)}\n`;
      if (buffers[p]!.length > 1 << 20) appendFileSync(piles[p]!, buffers[p]!), (buffers[p] = '');
    }
    buffers.forEach((b, p) => appendFileSync(piles[p]!, b));
    writeFileSync(path, '');
    for (const pile of piles) {
      const lines = readFileSync(pile, 'utf8').split('\n').slice(0, -1);
      rmSync(pile);
      for (let i = lines.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      appendFileSync(path, lines.length > 0 ? `${lines.join('\n')}\n` : '');
    }
  } finally {
    for (const pile of piles) rmSync(pile, { force: true });
  }
  return { persons };
}
