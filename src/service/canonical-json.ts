/**
 * JSON with the keys of every object in sorted order: two values that mean the same print the
 * same text, whatever order their keys were written in. Used to tell whether a claim sent again
 * is the claim that was settled.
 */

/**
 * Writes `value` as JSON with sorted keys (undefined members left out, as JSON.stringify does).
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
