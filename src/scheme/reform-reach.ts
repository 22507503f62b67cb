/**
 * Whether a reform folder reaches the claims its author expects. A folder that changes the
 * shipped `ziyang-2017` (by extending it, or as a copy of it) covers 2017–2020 only; the shipped
 * `ziyang-2022` extends the shipped `ziyang-2017` too, and keeps inheriting its tables, not the
 * reform's. So a 2017 reform of the basic-insurance table, simulated on 2022 claims, leaves them
 * unsettled (`no_rules_for_date`) and never reaches them as a change (README, "Extending a
 * folder"). `rules check DIR` warns of it: for each rule set of a book (the embedded one, the
 * baseline a reform is simulated against) that extends a folder the checked rule sets build on,
 * and whose period none of them covers.
 */
import { NO_END } from './compile.js';

/**
 * A rule set as this check sees it: its id, its period, and the shipped folders it is made of.
 *
 * @example
 * { id: 'ziyang-2022', folder: 'ziyang-2022', inForce: { from: '2022-01-01' }, builtOn: ['ziyang-2017', 'ziyang-2022'], isBaseline: true }
 */
export interface ReachSet {
  readonly id: string;
  /** Where it is read from, for messages (its folder; the folder name for an embedded one). */
  readonly folder: string;
  readonly inForce: { readonly from: string; readonly to?: string };
  /**
   * The folders of the baseline book (by name, as `ziyang-2017`) its `extends` chain holds, itself
   * included when it is one of them; a folder of the chain that is a copy of a baseline folder,
   * kept under its id, counts as it.
   */
  readonly builtOn: readonly string[];
  /** Its own folder is one of the baseline book's (the shipped folder itself, not a reform of it). */
  readonly isBaseline: boolean;
}

/**
 * A later rule set of the baseline that a checked rule set's changes do not reach.
 *
 * @example
 * for (const w of missedLaterSets(checked, baseline)) console.log(`⚠ ${w.message}`);
 */
export interface ReachWarning {
  /** The checked rule set (its folder), and the baseline folder it builds on. */
  readonly set: string;
  readonly folder: string;
  readonly buildsOn: string;
  /** The baseline's later rule set that extends the same folder, and its period. */
  readonly later: string;
  readonly laterFrom: string;
  readonly message: string;
}

/**
 * The later rule sets of a baseline book that inherit, from a folder the checked rule sets
 * change, what those changes do not reach: for each checked set built on a baseline folder F,
 * each baseline set that extends F (F is in its chain, not its own folder) whose period no
 * checked set covers.
 *
 * @example
 * missedLaterSets([{ id: 'my-2017', folder: 'my-reform', inForce: { from: '2017-03-17', to: '2020-12-31' }, builtOn: ['ziyang-2017'], isBaseline: false }], baseline)
 * // [{ set: 'my-2017', folder: 'my-reform', buildsOn: 'ziyang-2017', later: 'ziyang-2022', laterFrom: '2022-01-01', message: '…' }]
 */
export function missedLaterSets(checked: readonly ReachSet[], baseline: readonly ReachSet[]): ReachWarning[] {
  const end = (s: ReachSet) => s.inForce.to ?? NO_END;
  const covered = (later: ReachSet) =>
    checked.some((s) => s.inForce.from <= end(later) && later.inForce.from <= end(s));
  const out: ReachWarning[] = [];
  for (const s of checked) {
    if (s.isBaseline) continue;
    for (const later of baseline) {
      if (covered(later)) continue;
      const own = later.builtOn.at(-1);
      const shared = later.builtOn.find((f) => f !== own && s.builtOn.includes(f));
      if (shared === undefined) continue;
      out.push({
        set: s.id,
        folder: s.folder,
        buildsOn: shared,
        later: later.id,
        laterFrom: later.inForce.from,
        message: `${s.folder} (rule set ${s.id}) builds on ${shared}, which ${later.id} (in force from ${later.inForce.from}) extends too; but ${later.id} inherits from the shipped ${shared}, not from this folder, and no rule set here is in force from ${later.inForce.from}: what this folder changes never reaches claims discharged from then (simulated with --rules alone, they are refused as no_rules_for_date). To change them too, add a rule set that extends ${later.id} and makes the same change (README, "Extending a folder").`,
      });
    }
  }
  return out;
}
