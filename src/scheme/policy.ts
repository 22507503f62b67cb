/**
 * A rule set resolved for one stretch of dates: every parameter a concrete exact value, every
 * condition a compiled predicate, every tier its kind's parameters. This is what the waterfall
 * reads; it never sees rule files.
 */
import type { Gate, TierSpec } from '../kinds/kind.js';
import type { Fen } from '../money/fen.js';
import type { Ratio } from '../money/ratio.js';
import type { Labelled, LocationClass, PayerKind } from '../rule-files/types.js';

export type { Gate } from '../kinds/kind.js';

/** A value of a scheme's closed lists, with its names. */
export interface Named {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
}

/**
 * What a rule set's claims are made of, shared by all its stretches of dates: the values of the
 * facts that are data (categories, groups, counties, areas, levels), the layout of its ledger, and
 * its tiers' names.
 */
export interface Scheme {
  readonly categories: ReadonlyMap<string, Named & { readonly group: string }>;
  readonly groups: ReadonlyMap<string, Named>;
  readonly counties: ReadonlyMap<string, Named>;
  /** Areas of care: the counties (location `null`: decided relative to the patient) and the areas elsewhere. */
  readonly areas: ReadonlyMap<string, Named & { readonly location: LocationClass | null }>;
  /** The rows of the tables (location.json `levels`). */
  readonly levels: readonly string[];
  /** The year-to-date counters the tiers keep, `<tier id>.<name>`, in order. */
  readonly counters: readonly string[];
  /** The tiers in order: id, number, names and payer. */
  readonly tiers: readonly (Named & { readonly tier: number; readonly payer: PayerKind })[];
  /** The funds the tiers draw on, in the order the first top-up lists them. */
  readonly funds: readonly Named[];
}

/** One rule set, resolved on the dates from `version` to `validTo`. */
export interface Policy {
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
  /** The first date of this stretch: the latest change of any value in force. */
  readonly version: string;
  readonly validTo: string;
  readonly scheme: Scheme;
  readonly protected: Gate;
  readonly settled: Gate;
  readonly overrides: readonly (Gate & {
    readonly id: string;
    readonly location: LocationClass;
    readonly level: string;
  })[];
  readonly levels: readonly (Gate & { readonly level: string })[];
  readonly absorbed: readonly (Gate & { readonly id: string })[];
  readonly bSelfPay: Ratio;
  /** The tiers, in the order they run. */
  readonly tiers: readonly TierSpec[];
  /** The index of the first tier that is not a carve-out: the bill is split into parts just before it. */
  readonly splitAt: number;

  readonly premium: {
    readonly clause: string;
    readonly perPerson: Fen;
    readonly cityShare: Readonly<Record<string, Ratio>>;
  } | null;
  readonly illnessPoverty: { readonly clause: string; readonly spendShare: Ratio; readonly lowIncomeLine: Fen } | null;
}

/**
 * A value of a scheme's list with its names (the English one defaults to the Chinese).
 *
 * @example
 * named('anyue', { label: '安岳县', labelEn: 'Anyue' }) // { id: 'anyue', label: '安岳县', labelEn: 'Anyue' }
 */
export function named(id: string, l: Labelled): Named {
  return { id, label: l.label, labelEn: l.labelEn ?? l.label };
}
