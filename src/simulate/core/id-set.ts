/**
 * A set of claim ids for the simulation's duplicate rule, where every claim asks once. A `Set` of
 * strings costs two or three cache misses per new id once it outgrows the cache (its buckets, its
 * entry chain, its growth), and the simulation path asks for every claim: here one probe of an
 * open-addressed table of 32-bit hashes finds the empty slot of a new id, and the id itself is
 * compared only when a hash matches.
 *
 * @example
 * ```ts
 * const ids = new IdSet();
 * ids.add('C1'); // true: new
 * ids.add('C1'); // false: seen
 * ids.delete('C1');
 * ids.add('C1'); // true again
 * ```
 */
export class IdSet {
  /** Per slot: 0 when empty, else the id's hash (never 0). */
  private hashes = new Int32Array(1024);
  /** Per slot: the id (compared when the hash matches). */
  private ids: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);
  private used = 0;

  /** Adds `id`; true when it was not in the set. */
  add(id: string): boolean {
    if (this.used * 2 >= this.hashes.length) this.grow();
    const h = hashOf(id);
    const mask = this.hashes.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const x = this.hashes[i]!;
      if (x === 0) {
        this.hashes[i] = h;
        this.ids[i] = id;
        this.used++;
        return true;
      }
      if (x === h && this.ids[i] === id) return false;
    }
  }

  /** Removes `id` (its slot keeps the hash as a tombstone, so later probes go on past it). */
  delete(id: string): void {
    const h = hashOf(id);
    const mask = this.hashes.length - 1;
    for (let i = h & mask; this.hashes[i] !== 0; i = (i + 1) & mask) {
      if (this.hashes[i] === h && this.ids[i] === id) {
        this.ids[i] = undefined;
        return;
      }
    }
  }

  private grow(): void {
    const hashes = this.hashes;
    const ids = this.ids;
    let live = 0;
    for (const id of ids) if (id !== undefined) live++;
    // Deleted ids leave tombstones that count as used: when they are most of it, the table is
    // rebuilt at its size rather than doubled (a stream of refused claims must not grow it).
    const size = live * 4 >= hashes.length ? hashes.length * 2 : hashes.length;
    const mask = size - 1;
    this.hashes = new Int32Array(size);
    this.ids = new Array<string | undefined>(size).fill(undefined);
    this.used = 0;
    for (let j = 0; j < hashes.length; j++) {
      const id = ids[j];
      if (id === undefined) continue; // empty or deleted
      let i = hashes[j]! & mask;
      while (this.hashes[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = hashes[j]!;
      this.ids[i] = id;
      this.used++;
    }
  }
}

/** FNV-1a over the UTF-16 code units, never 0 (0 marks an empty slot). */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 1;
}
