import type { Scope, WaterfallState } from '../state.js';

/**
 * The in-scope split, which the waterfall makes right after tier 1; tiers 2–8 read it.
 *
 * @example
 * scopeOf(state).inScopeLeft
 */
export function scopeOf(state: WaterfallState): Scope {
  if (state.scope === null) throw new Error('the in-scope split has not been made: tiers 2–8 must run after tier 1');
  return state.scope;
}
