/**
 * Which worker settles a person's claims: FNV-1a over the UTF-8 bytes of the person id, modulo
 * the workers, the hash `bashunwei simulate` splits its input by (src/simulate/scale/shard.ts,
 * which reads Node buffers; this one reads a string). A person-year's claims all meet in one
 * worker, in input order, so each worker's ledgers are exact and the results add up.
 */
const encoder = new TextEncoder();

/**
 * FNV-1a of a string's UTF-8 bytes (an unsigned 32-bit integer).
 *
 * @example
 * personHash('P00000001') // the same number in every browser and in Node
 */
export function personHash(id: string): number {
  let h = 0x811c9dc5;
  // Person ids are short ASCII as a rule: hash the code units directly and encode only otherwise.
  let ascii = true;
  for (let i = 0; i < id.length && ascii; i++) ascii = id.charCodeAt(i) < 0x80;
  if (ascii) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  } else for (const b of encoder.encode(id)) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

/**
 * The worker (0 … workers − 1) of a person.
 *
 * @example
 * shardOfPersonId('P00000001', 2) // 0 or 1
 */
export function shardOfPersonId(id: string, workers: number): number {
  return workers === 1 ? 0 : personHash(id) % workers;
}
