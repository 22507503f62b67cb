/**
 * Why a top-up paid what it paid: its line's detail, made from the trace its step wrote.
 */
import type { Fen } from '../../money/fen.js';
import type { TierSpec } from '../kind.js';
import { KIND_TRACE } from '../shared/line.js';
import type { CarriedFrom, Scratch } from '../shared/scratch.js';
import type { Target, TopUpParams } from './params.js';
import { TOP_UP_TRACE } from './step.js';

/** Why a top-up tier paid what it paid. */
export interface TopUpDetail {
  readonly kind: 'top-up';
  readonly remaining: Fen;
  readonly target: {
    readonly id: string;
    readonly description: string;
    readonly descriptionEn: string;
    readonly personalMax: Fen;
  } | null;
  readonly carried: Fen;
  readonly carriedFrom: CarriedFrom | null;
  readonly topUp: Fen;
  readonly shortfall: Fen;
}

/**
 * The detail of a top-up line that ran.
 *
 * @example
 * topUpDetail(s, tier, target).topUp
 */
export function topUpDetail(s: Scratch, t: TierSpec<TopUpParams>, target: Target | undefined, at: number): TopUpDetail {
  const k0 = at + KIND_TRACE;
  const num = (k: keyof typeof TOP_UP_TRACE): Fen => s.trace[k0 + TOP_UP_TRACE[k]]! as Fen;
  return {
    kind: 'top-up',
    remaining: num('remaining'),
    target: target
      ? {
          id: target.id,
          description: target.description,
          descriptionEn: target.descriptionEn,
          personalMax: num('personalMax'),
        }
      : null,
    carried: num('carried'),
    carriedFrom: t.params.carriedFrom,
    topUp: num('topUp'),
    shortfall: num('shortfall'),
  };
}
