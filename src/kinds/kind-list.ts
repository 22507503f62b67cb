/**
 * The vocabulary: every kind a tier file may name. A scheme is a list of tiers of these kinds
 * (rules/<scheme>/ruleset.json); a new scheme built from them needs no code.
 */
import { brackets } from './brackets/brackets.js';
import { carveOut } from './carve-out/carve-out.js';
import type { Kind } from './kind.js';
import { shareOfRest } from './share-of-rest/share-of-rest.js';
import { table } from './table/table.js';
import { topUp } from './top-up/top-up.js';
import { yearlyAssistance } from './yearly-assistance/yearly-assistance.js';

/** Every kind, by name. */
export const KINDS: Readonly<Record<string, Kind<never, unknown, unknown>>> = {
  'carve-out': carveOut,
  table,
  brackets,
  'share-of-rest': shareOfRest,
  'yearly-assistance': yearlyAssistance,
  'top-up': topUp,
} as unknown as Readonly<Record<string, Kind<never, unknown, unknown>>>;

/** The kind names, in the order the README presents them. */
export const KIND_NAMES = ['carve-out', 'table', 'brackets', 'share-of-rest', 'yearly-assistance', 'top-up'] as const;
/** A kind name. */
export type KindName = (typeof KIND_NAMES)[number];
