/**
 * Which part of a split a person goes to: a hash of the person id (FNV-1a over its UTF-8 bytes),
 * stable across runs, machines and platforms, so that every person-year's claims meet in one part
 * and the ledger is exact (the partitions of a simulation, the shards of a run over several
 * machines, a browser's workers).
 */

/**
 * FNV-1a over bytes: stable across runs and machines.
 *
 * @example
 * hashBytes(new TextEncoder().encode('P1'), 0, 2) // a 32-bit unsigned integer
 */
export function hashBytes(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= buf[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The shard of a person id (CSV rows name it in a column).
 *
 * @example
 * shardOfPerson('P00000001', 2) // 0 or 1
 */
export function shardOfPerson(id: string, shards: number): number {
  if (shards === 1) return 0;
  return hashText(id) % shards;
}

const utf8 = new TextEncoder();

/**
 * {@link hashBytes} of a string's UTF-8 bytes (an ASCII string hashed without encoding it).
 *
 * @example
 * hashText('P00000001') === hashBytes(new TextEncoder().encode('P00000001'), 0, 9) // true
 */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      const b = utf8.encode(text);
      return hashBytes(b, 0, b.length);
    }
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
