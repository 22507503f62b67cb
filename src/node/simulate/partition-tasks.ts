/**
 * The work a simulation over partitions hands out, done in a worker thread (worker.ts) or, with a
 * single worker, in the calling thread: read a range of the input into its piece of every
 * partition, decide the duplicate ids of one id partition, and settle one person partition,
 * adding its result to the running total of this worker. A partition's files are removed as soon
 * as they have been read for the last time.
 */
import type { Lang } from '../../i18n/lang.js';
import type { Fen } from '../../money/fen.js';
import { claimPartWriter } from './claim-parts.js';
import { type Mark, markDuplicates, markedIds } from './duplicates.js';
import { mergeResults } from '../../simulate/scale/merge.js';
import { rmSync } from 'node:fs';
import { CLAIM_RECORD, type PartitionJob, type PartitionPiece, type SpillPart, partitionFile } from './partition.js';
import { asTempSpaceError } from './temp-space.js';
import type { ClaimIssue } from '../../errors/issue.js';
import {
  type Simulation,
  type SimulationResult,
  type Variant,
  simulationWith,
} from '../../simulate/core/simulation.js';
import { SpillReader, sortedByPerson, spillRecords } from './spill.js';
import { ClaimRecord } from '../../claim/claim-record.js';
import { type VocabularyIndex, vocabularyIndex } from '../../claim/vocabulary-index.js';
import { mergeVocabularies } from '../../claim/vocabulary.js';
import { claimVocabulary } from '../../scheme/book.js';
import { readRecordBytes } from '../../simulate/scale/record-bytes.js';
import { type VariantSpec, variantRules } from './variants.js';

/** What every task of a run needs, as plain data (it crosses to a worker). */
export interface TaskSpec {
  readonly variants: readonly VariantSpec[];
  readonly funds?: Readonly<Partial<Record<string, Fen>>>;
  readonly topChanged?: number;
  /** The language of the rejections' messages (default zh-CN). */
  readonly lang?: Lang;
  /** Write one row per settled claim and variant to part files `<claimsOut>.<partition>` (the parts of `--claims-out`). */
  readonly claimsOut?: string;
}

/** A range of the input for one reader, as plain data (it crosses to a worker): where to say a full disk is, and how much space the run needs. */
export type RangeJob = Omit<PartitionJob, 'failed' | 'progress' | 'vocabulary'> & {
  readonly space: { readonly parent: string; readonly needed: string };
};

/** What a worker hands back at the end: its partitions added up, and whether a decision on duplicates was contradicted. */
export interface TasksDone {
  readonly result: SimulationResult | undefined;
  readonly contradicted: boolean;
}

/** The tasks of one worker. */
export interface PartitionTasks {
  /** Reads a range of the input into this reader's piece of every partition. */
  partition(job: RangeJob, progress?: (bytes: number) => void): Promise<PartitionPiece>;
  /** Decides the duplicate claim ids of an id partition (and removes its files). */
  marks(idFile: readonly SpillPart[], personFiles: readonly (readonly SpillPart[])[]): Mark[];
  /**
   * Settles a person partition (told the decisions on its contested ids) and adds its result to
   * this worker's; with `claimsOut`, its per-claim rows go to `<claimsOut>.<partition>`.
   */
  settle(personFile: readonly SpillPart[], marksFile: string, partition: number): void;
  /** This worker's results. */
  finish(): TasksDone;
}

/**
 * The part file of a partition's per-claim rows.
 *
 * @example
 * claimsPartFile('/tmp/x/part', 7) // "/tmp/x/part.0007"
 */
export function claimsPartFile(prefix: string, partition: number): string {
  return `${prefix}.${String(partition).padStart(4, '0')}`;
}

/**
 * The rule books of the variants (the command checked them before starting: failing here is a bug).
 *
 * @example
 * buildVariants([{ name: 'baseline' }])[0].rules
 */
export function buildVariants(specs: readonly VariantSpec[]): Variant[] {
  return specs.map((v) => {
    const rules = variantRules(v);
    if (!rules.ok) throw new Error(`rules of ${v.name}: ${rules.errors.map((e) => e.message).join('; ')}`);
    return { name: v.name, rules: rules.value };
  });
}

/**
 * The values the claim records of a run are read with: every variant's rule sets' counties, areas
 * and categories (the same lists in every worker, so a record's positions mean the same in all).
 *
 * @example
 * vocabularyOf(buildVariants(spec.variants))
 */
export function vocabularyOf(variants: readonly Variant[]): VocabularyIndex {
  return vocabularyIndex(mergeVocabularies(variants.map((v) => claimVocabulary(v.rules))));
}

/** The record the settlement pass reads each claim into (one claim at a time), and a view of the last buffer read. */
const record = new ClaimRecord();
let viewed: Buffer | undefined;
let view: DataView = new DataView(new ArrayBuffer(0));

/**
 * Settles one record of a person partition (its payload `buf[from, to)`): a claim's record, or an
 * input that could not be read.
 *
 * @example
 * while (r.next()) addSpillRecord(sim, r.kind, r.line, r.buf, r.at, r.at + r.length);
 */
export function addSpillRecord(
  sim: Simulation,
  kind: number,
  line: number,
  buf: Buffer,
  from: number,
  to: number,
): void {
  if (kind !== CLAIM_RECORD) return sim.addIssue(JSON.parse(buf.toString('utf8', from, to)) as ClaimIssue, line);
  if (buf !== viewed) (viewed = buf), (view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength));
  readRecordBytes(buf, view, from, record);
  record.line = line;
  sim.addRecord(record, line);
}

/**
 * The tasks of one worker for a run.
 *
 * @example
 * const tasks = partitionTasks({ variants: [{ name: 'baseline' }] });
 * tasks.settle(parts.persons[0], marksFiles[0]);
 */
export function partitionTasks(spec: TaskSpec): PartitionTasks {
  const variants = buildVariants(spec.variants);
  const books = variants.map((v) => v.rules);
  const vocabulary = vocabularyOf(variants);
  const keep = spec.topChanged ?? 10;
  let total: SimulationResult | undefined;
  let contradicted = false;
  return {
    partition: ({ space, ...job }, progress) =>
      partitionFile({
        ...job,
        vocabulary,
        progress,
        failed: (e) => asTempSpaceError(e, space.parent, space.needed),
      }),
    marks: (idFile, personFiles) => {
      const marks = markDuplicates(idFile, personFiles, books, vocabulary);
      for (const p of idFile) rmSync(p.path, { force: true });
      return marks;
    },
    settle: (personFile, marksFile, partition) => {
      const marks = new Map<number, Uint8Array>();
      for (const r of spillRecords(marksFile)) marks.set(r.line, Uint8Array.from(r.payload));
      const ids = markedIds(marks);
      // With per-claim rows, a partition's claims are read in input order, so that its rows are too
      // (claim-parts.ts merges the parts by line); without, person by person (the simulation then
      // keeps no map of persons: sortedByPerson).
      const rows =
        spec.claimsOut === undefined ? undefined : claimPartWriter(claimsPartFile(spec.claimsOut, partition), variants);
      const sim = simulationWith(
        {
          variants,
          funds: spec.funds,
          topChanged: spec.topChanged,
          lang: spec.lang,
          onSettled: rows?.onSettled,
          groupedByPerson: rows === undefined,
        },
        ids,
      );
      if (rows) {
        for (const part of personFile) {
          const r = new SpillReader(part.path, undefined, part.lineOffset);
          while (r.next()) addSpillRecord(sim, r.kind, r.line, r.buf, r.at, r.at + r.length);
        }
        rows.close();
      } else sortedByPerson(personFile, (kind, line, buf, from, to) => addSpillRecord(sim, kind, line, buf, from, to));
      // The person files stay until the end of the run: should a decision on duplicates be
      // contradicted, the run is redone from them in input order.
      rmSync(marksFile, { force: true });
      const result = sim.result();
      total = total ? mergeResults([total, result], keep) : result;
      contradicted ||= ids.contradicted();
    },
    finish: () => ({ result: total, contradicted }),
  };
}
