/**
 * One share of a simulation: build the variants' rule books, read this share of the file, settle
 * every claim of it. Runs in a worker thread, or in the calling thread for a single share.
 */
import type { Fen } from '../money/fen.js';
import type { Lang } from '../i18n/lang.js';
import { claimPartWriter } from './claim-parts.js';
import { createSimulation, type SimulationResult } from './simulation.js';
import { type SourceRecord, csvClaims, ndjsonClaims } from './source.js';
import { type VariantSpec, variantRules } from './variants.js';

/** Everything a share needs, as plain data (it crosses to a worker). */
export interface ShareJob {
  readonly file: string;
  readonly format: 'ndjson' | 'csv';
  readonly variants: readonly VariantSpec[];
  readonly funds?: Readonly<Partial<Record<string, Fen>>>;
  readonly grouped?: boolean;
  readonly topChanged?: number;
  /** The language of the rejections' messages (default zh-CN). */
  readonly lang?: Lang;
  /** Write one row per settled claim and variant to `<claimsOut>.<shard>` (the parts of `--claims-out`). */
  readonly claimsOut?: string;
  readonly shard: number;
  readonly shards: number;
}

/**
 * Settles one share of the input.
 *
 * @example
 * runShare({ file: 'claims.ndjson', format: 'ndjson', variants: [{ name: 'baseline' }], shard: 0, shards: 1 })
 */
export function runShare(job: ShareJob, progress?: (bytes: number) => void): SimulationResult {
  const variants = job.variants.map((v) => {
    const rules = variantRules(v);
    // The command checks the rule folders before it starts the workers; failing here is a bug.
    if (!rules.ok) throw new Error(`rules of ${v.name}: ${rules.errors.map((e) => e.message).join('; ')}`);
    return { name: v.name, rules: rules.value };
  });
  const part = job.claimsOut === undefined ? undefined : claimPartWriter(`${job.claimsOut}.${String(job.shard).padStart(3, '0')}`, variants);
  const sim = createSimulation({ variants, funds: job.funds, grouped: job.grouped, topChanged: job.topChanged, lang: job.lang, onSettled: part?.onSettled });
  const share = { shard: job.shard, shards: job.shards, progress, lang: job.lang };
  const records: Iterable<SourceRecord> = job.format === 'csv' ? csvClaims(job.file, share) : ndjsonClaims(job.file, share);
  for (const r of records) {
    if ('text' in r) sim.addText(r.text, r.line);
    else if ('value' in r) sim.add(r.value, r.line);
    else sim.addIssue(r.error, r.line);
  }
  part?.close();
  return sim.result();
}
