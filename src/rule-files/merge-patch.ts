/**
 * How a rule folder that `extends` another states only what changes: each of its files is a
 * JSON Merge Patch (RFC 7396) of the parent's file of the same name. Objects merge key by key,
 * `null` removes a key, any other value (arrays included) replaces what was there. Two additions,
 * spelled as Kubernetes' strategic merge patches spell them: an object holding
 * `"$patch": "replace"` replaces the parent's object whole instead of merging into it, and a file
 * that is `{"$patch": "delete"}` removes the parent's file.
 *
 * Key order is kept: a patched key stays where the parent wrote it, a new key comes after the
 * parent's. It matters, since lists of rules keyed by id (table rows, targets, …) are tried in
 * the order written.
 */

/** The directive key of a patch object. */
export const PATCH_KEY = '$patch';

/** What a patch says about the object it stands in. */
export type PatchDirective = 'merge' | 'replace' | 'delete';

type Json = unknown;

/**
 * The directive of a patch value: `replace` or `delete` when its `$patch` says so, else `merge`.
 *
 * @example
 * patchDirective({ $patch: 'delete' }) // "delete"
 */
export function patchDirective(patch: Json): PatchDirective {
  if (!isObject(patch)) return 'merge';
  const d = patch[PATCH_KEY];
  return d === 'replace' || d === 'delete' ? d : 'merge';
}

/**
 * Applies a merge patch to a value and returns the result (neither argument is changed).
 *
 * @example
 * mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 } }) // { a: 1, b: { d: 3, e: 4 } }
 * mergePatch({ a: [1, 2] }, { a: [3] })                            // { a: [3] }
 * mergePatch({ a: { x: 1 } }, { a: { $patch: 'replace', y: 2 } })  // { a: { y: 2 } }
 */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  if (patchDirective(patch) === 'replace' || !isObject(target)) return withoutDirectives(patch);
  const out: Record<string, Json> = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (k === PATCH_KEY) continue;
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * The file of a chain of patches that wrote the value at `path`: `chain` lists the contents from
 * the base to the last patch (`undefined` where a folder has no such file). Used to report a
 * problem found in the merged file at the file that wrote it: the last file that wrote the value
 * (or a value that contains it); when none did (a key is missing), the first file that wrote the
 * most of the path, so that a missing key is reported where the object it is missing from was
 * written, never at a folder that has no such file.
 *
 * @example
 * writerOf([{ a: { b: 1 } }, { a: { c: 2 } }], ['a', 'c']) // 1
 * writerOf([{ a: { b: 1 } }, { a: { c: 2 } }], ['a', 'b']) // 0
 * writerOf([undefined, { a: { c: 2 } }], ['a', 'verified']) // 1
 */
export function writerOf(chain: readonly Json[], path: readonly PropertyKey[]): number {
  let best = 0;
  let bestDepth = -1;
  chain.forEach((patch, i) => {
    const d = writtenDepth(patch, path);
    if (d > bestDepth || (d === path.length && d === bestDepth)) {
      best = i;
      bestDepth = d;
    }
  });
  return best;
}

/**
 * How much of `path` a patch writes: the whole path when it sets the value there or a value that
 * contains it, else the number of keys of the path it has (−1 when the file is absent).
 */
function writtenDepth(patch: Json, path: readonly PropertyKey[]): number {
  if (patch === undefined) return -1;
  let node: Json = patch;
  for (let d = 0; d < path.length; d++) {
    if (!isObject(node) || node[PATCH_KEY] === 'replace') return path.length;
    const k = String(path[d]);
    if (!(k in node)) return d;
    node = node[k];
  }
  return path.length;
}

/** A patch object taken as a value: its directives and `null`s dropped (arrays are values, kept as written). */
function withoutDirectives(v: Json): Json {
  if (!isObject(v)) return v;
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) if (k !== PATCH_KEY && x !== null) out[k] = withoutDirectives(x);
  return out;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
