/**
 * Which worker settles each record of a file. By person, as the command splits its input, with
 * one addition: a claim id is settled once across every person (docs/claim.md "The ledger"), and
 * a file may repeat an id under two persons. Persons linked by a shared claim id are kept in one
 * worker, so that every occurrence of an id meets in the same worker in input order and is
 * refused there exactly as one stream refuses it: the first that can be settled is, the later
 * ones are `duplicate_claim`. Generated claims never share ids; files rarely do, and then only
 * the persons concerned are grouped.
 */
import type { RecordKeys } from './claim-records.js';
import { shardOfPersonId } from './person-shard.js';

/**
 * The worker of each record (an index into `keys`): by the person of its group of persons linked
 * by shared claim ids; a record without a person by its position.
 *
 * @example
 * assignWorkers([{ person: 'P1', id: 'C1' }, { person: 'P2', id: 'C1' }], 2) // both in one worker
 */
export function assignWorkers(keys: readonly RecordKeys[], workers: number): Uint8Array {
  const owners = new Uint8Array(keys.length);
  if (workers === 1) return owners;
  // Union-find over persons: each person's root is the person its group is routed by.
  const parent = new Map<string, string>();
  const find = (p: string): string => {
    let r = p;
    for (let up = parent.get(r); up !== undefined && up !== r; up = parent.get(r)) r = up;
    for (let x = p; x !== r; ) {
      const up = parent.get(x)!;
      parent.set(x, r);
      x = up;
    }
    return r;
  };
  const personOfId = new Map<string, string>();
  for (const k of keys) {
    if (k.person === null) continue;
    if (!parent.has(k.person)) parent.set(k.person, k.person);
    if (k.id === null) continue;
    const other = personOfId.get(k.id);
    if (other === undefined) personOfId.set(k.id, k.person);
    else {
      const a = find(other);
      const b = find(k.person);
      // The smaller id is the root, so the grouping is the same whatever the order of the file.
      if (a !== b) a < b ? parent.set(b, a) : parent.set(a, b);
    }
  }
  keys.forEach((k, i) => {
    owners[i] = k.person === null ? i % workers : shardOfPersonId(find(k.person), workers);
  });
  return owners;
}
