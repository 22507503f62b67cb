/**
 * The annual caps of a policy's tiers, by ledger counter, read from the tiers' resolved parameters
 * whatever their kind: the tests check that no `<tier>.paid…` counter passes its cap without
 * naming any tier, so that a scheme's caps are checked the same way in every era.
 */
import type { TierSpec } from '../../src/kinds/kind.js';
import type { BracketsParams } from '../../src/kinds/brackets/params.js';
import type { ShareOfRestParams } from '../../src/kinds/share-of-rest/params.js';
import type { TableParams } from '../../src/kinds/table/params.js';
import type { YearlyAssistanceParams } from '../../src/kinds/yearly-assistance/params.js';
import type { Fen } from '../../src/money/fen.js';
import type { Policy } from '../../src/scheme/policy.js';

/** A `<tier>.paid…` counter of the ledger layout and the cap its tier keeps it under. */
export interface CounterCap {
  /** The counter's name, e.g. `basic-insurance.paid.general-outpatient`. */
  readonly counter: string;
  readonly tier: TierSpec;
  /** The cap (`null`: the tier has none). */
  readonly cap: Fen | null;
}

/**
 * Every `<tier>.paid…` counter of a policy's ledger layout with its tier's cap. Throws when a paid
 * counter has no cap the test knows how to read (a new kind): better a loud test than a silent one.
 *
 * @example
 * paidCounterCaps(policyOn(defaultRules(), '2017-06-10')!).map((c) => c.counter)
 */
export function paidCounterCaps(policy: Policy): CounterCap[] {
  const layout = policy.scheme.counters;
  const caps = new Map<number, CounterCap>();
  const put = (tier: TierSpec, index: number, cap: Fen | null) => {
    if (index >= 0) caps.set(index, { counter: layout[index]!, tier, cap });
  };
  for (const t of policy.tiers) {
    switch (t.kind) {
      case 'table':
        for (const row of (t.params as TableParams).rows) put(t, row.paidCounter, row.cap);
        break;
      case 'brackets': {
        const p = t.params as BracketsParams;
        put(t, p.paidCounter, p.cap);
        break;
      }
      case 'share-of-rest': {
        const p = t.params as ShareOfRestParams;
        put(t, p.paidCounter, p.cap);
        break;
      }
      case 'yearly-assistance': {
        const p = t.params as YearlyAssistanceParams;
        put(t, p.paidCounter, p.limit);
        break;
      }
      default:
        break;
    }
  }
  layout.forEach((name, i) => {
    const tier = policy.tiers.find((t) => name.startsWith(`${t.id}.paid`));
    if (tier && !caps.has(i)) throw new Error(`counter ${name} of ${policy.id}: no cap read for a ${tier.kind} tier`);
  });
  return [...caps.entries()].sort(([a], [b]) => a - b).map(([, c]) => c);
}
