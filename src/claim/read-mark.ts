/**
 * Which claims came from the claim reader. `settleClaim` and `reverseClaim` take a {@link Claim}
 * as validated (amounts in fen, categories as ids, defaults filled in), but plain JS and
 * `JSON.parse` output reach them too, and a claim as sent looks like one as validated: a stored
 * claim whose amounts are numbers of yuan would settle 100 times too small. So the reader marks
 * what it returns, and those entry points settle only a marked claim (docs/claim.md, "The claim
 * object").
 *
 * The mark is a property under a symbol of this module holding the claim itself: free to set
 * (part of the object's shape), and not carried over to a copy (`{ ...claim, id }` points to the
 * original), to a structured clone or to JSON. What the reader returned and is then changed in
 * place keeps its mark: the types say it is read-only.
 */
import type { Claim } from './claim.js';

const READ = Symbol('bashunwei: a claim as the claim reader returned it');

/**
 * Marks a claim the reader has just built and validated.
 *
 * @example
 * return ok(markRead(claim));
 */
export function markRead<T extends Claim>(claim: T): T {
  (claim as unknown as Record<symbol, unknown>)[READ] = claim;
  return claim;
}

/**
 * True when `x` is a claim the reader returned (not a copy of one, not JSON).
 *
 * @example
 * wasRead(parseClaim(json).value) // true
 * wasRead({ ...claim })           // false
 */
export function wasRead(x: unknown): x is Claim {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[READ] === x;
}
