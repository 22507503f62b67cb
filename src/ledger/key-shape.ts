/**
 * An object that already has a list of keys, made once per list: copying it and then storing each
 * key is much faster than adding a dozen dotted keys to a new object, and the ledger does that for
 * every settlement (its counters, and their JSON). Every key of the shape is to be stored over.
 *
 * @example
 * const counters = { ...keyShape(layout) }; // then counters[name] = … for every name of layout
 */
const shapes = new WeakMap<readonly string[], Readonly<Record<string, undefined>>>();

/** The shape of `keys` (the same list object gives the same shape). */
export function keyShape(keys: readonly string[]): Readonly<Record<string, undefined>> {
  let shape = shapes.get(keys);
  if (!shape) shapes.set(keys, (shape = Object.fromEntries(keys.map((k) => [k, undefined]))));
  return shape;
}
