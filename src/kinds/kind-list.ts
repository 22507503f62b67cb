/**
 * The vocabulary: every kind a tier file may name, in the order the README presents them. A scheme
 * is a list of tiers of these kinds (rules/<scheme>/ruleset.json); a new scheme built from them
 * needs no code, and a new kind is a folder under src/kinds/ and a line in this list: every union
 * the rest of the engine uses (kind names, line details) derives from it.
 */
import { brackets } from './brackets/brackets.js';
import { carveOut } from './carve-out/carve-out.js';
import type { Kind } from './kind.js';
import type { LineRecord } from './shared/line-record.js';
import type { NotRunDetail } from './shared/not-run.js';
import { shareOfRest } from './share-of-rest/share-of-rest.js';
import { table } from './table/table.js';
import { topUp } from './top-up/top-up.js';
import { yearlyAssistance } from './yearly-assistance/yearly-assistance.js';

/** Every kind. */
export const KINDS = [carveOut, table, brackets, shareOfRest, yearlyAssistance, topUp] as const;

/** A kind of the list. */
export type AnyKind = (typeof KINDS)[number];
/** A kind name. */
export type KindName = AnyKind['name'];
/** The kind names, in the list's order. */
export const KIND_NAMES: readonly KindName[] = KINDS.map((k) => k.name);

/** The detail of a line of a kind. */
export type DetailOf<K> = K extends Kind<string, never, unknown, unknown, infer D> ? D : never;
/** Why a line paid what it paid: the inputs of its kind's formula, or why it did not run. */
export type LineDetail = NotRunDetail | DetailOf<AnyKind>;
/** One line of a settlement, with the numbers its explanation is written from. */
export type SettledLine = LineRecord<LineDetail>;

/** A kind seen through the interface every kind shares (what the engine calls, whatever the kind). */
export type GenericKind = Kind<KindName, unknown, unknown, unknown, LineDetail>;

const BY_NAME = new Map<string, GenericKind>(KINDS.map((k): [string, GenericKind] => [k.name, k]));

/**
 * The kind of a name, or undefined for a name the vocabulary does not have.
 *
 * @example
 * kindNamed('table')?.readsParts // true
 */
export function kindNamed(name: string): GenericKind | undefined {
  return BY_NAME.get(name);
}

/**
 * The kind of a tier file that passed the schema (its kind is one of the list).
 *
 * @example
 * kindOf(tierFile).counters(tierFile)
 */
export function kindOf(tier: { readonly kind: string }): GenericKind {
  const k = BY_NAME.get(tier.kind);
  if (!k) throw new Error(`unknown kind "${tier.kind}": the rule files were not checked (a bug in bashunwei)`);
  return k;
}
