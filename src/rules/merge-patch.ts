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
 * The deepest file of a chain of patches that wrote the value at `path` (or a value around it):
 * `chain` lists the contents from the base to the last patch. Used to report a problem found in
 * the merged file at the file that wrote it.
 *
 * @example
 * writerOf([{ a: { b: 1 } }, { a: { c: 2 } }], ['a', 'c']) // 1
 * writerOf([{ a: { b: 1 } }, { a: { c: 2 } }], ['a', 'b']) // 0
 */
export function writerOf(chain: readonly Json[], path: readonly PropertyKey[]): number {
  for (let i = chain.length - 1; i > 0; i--) if (writes(chain[i], path)) return i;
  return 0;
}

/** True when `patch` sets the value at `path`, or a value that contains it. */
function writes(patch: Json, path: readonly PropertyKey[]): boolean {
  let node = patch;
  for (const key of path) {
    if (!isObject(node) || node[PATCH_KEY] === 'replace') return true;
    const k = String(key);
    if (!(k in node)) return false;
    node = node[k];
  }
  return true;
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
