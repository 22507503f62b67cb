/**
 * What a tier kind is: one formula of the vocabulary schemes are built from (README, "Schemes as
 * data"). A kind knows nothing of any scheme: no tier id, person category or county. A rule
 * folder's tier file names its kind and gives its parameters; the kind, in its own folder,
 *
 * - says which parameters it takes (`shape`: the zod keys of its tier files, beside the header),
 * - names the year-to-date counters it keeps (`counters`),
 * - resolves its parameters for one stretch of dates (`resolve`),
 * - decides once per claim profile what depends only on the claim's facts (`decide`: which row,
 *   which adjustment, which target),
 * - pays (`step`): reads the scratch state, pays, takes what it paid off what is left, and writes
 *   to the trace the numbers its line's explanation needs (`traceWidth` of them),
 * - makes its line's detail from that trace when someone asks (`detail`), explains it in both
 *   languages (`explain`), and says what the national platform's record shows of it (`nhsa`),
 * - and checks what its schema cannot (`lint`).
 *
 * The list of kinds is src/kinds/kind-list.ts; adding a kind is adding a folder and a line there.
 */
import type { z as Z } from 'zod';
import type { RuleIssue } from '../errors/issue.js';
import type { Lang } from '../i18n/lang.js';
import type { Fen } from '../money/fen.js';
import type { Ratio } from '../money/ratio.js';
import type { Predicate } from '../rule-files/conditions.js';
import type { FactBag } from '../rule-files/fact-catalog.js';
import type { SchemaParts } from '../rule-files/schema-parts.js';
import type {
  AmountParam,
  ByFact,
  Condition,
  Dated,
  GateSpec,
  NhsaMappingSpec,
  PayerKind,
  TierFile,
} from '../rule-files/types.js';
import type { ZodApi } from '../zod.js';
import type { LineBasics } from './shared/line-record.js';
import type { CarriedFrom, Scratch } from './shared/scratch.js';

/** A compiled condition with its citation. */
export interface Gate {
  readonly clause: string;
  readonly source: 'seed' | 'assumed';
  readonly description: string;
  readonly descriptionEn: string;
  readonly when: Predicate;
}

/** A tier of a policy, as every kind sees it: its header, compiled. */
export interface TierHead {
  /** Position in the policy's order (0 = first to run). */
  readonly index: number;
  /** The number the rule set gives it (settlement lines show it). */
  readonly tier: number;
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly labelEn: string;
  readonly short: string;
  readonly clause: string;
  readonly payer: PayerKind;
  /** Where its payments go in the national platform's record (null: by its payer kind). */
  readonly nhsa: NhsaMappingSpec | null;
  /** The line is listed only when `applies` holds (else always). */
  readonly listedWhenApplies: boolean;
  /**
   * A later tier reads the parts (S, Pb, N, O): this one must take what it pays from them. When
   * none does (the last tiers of a waterfall), the split of a payment over the parts is skipped.
   */
  readonly partsReadLater: boolean;
  readonly applies: Gate;
}

/** A tier with its kind's resolved parameters. */
export interface TierSpec<P = unknown> extends TierHead {
  readonly params: P;
}

/** What a kind may ask for while resolving its parameters for one date. */
export interface ResolveEnv {
  /** The value of a dated parameter on the stretch's first day. */
  at<T>(p: Dated<T>): T;
  ratio(p: Dated<string>): Ratio;
  /** An amount, or a share of one of the tier's named `parameters`. */
  amount(p: AmountParam): Fen;
  /** A parameter by the value of a fact: a function of the facts (undefined when the value has none). */
  byFact<T>(p: ByFact<string> | Dated<string>, read: (d: Dated<string>) => T): (facts: FactBag) => T | undefined;
  gate(g: GateSpec): Gate;
  pred(c: Condition): Predicate;
  /** The index of a tier of the order, by id (−1 when absent). */
  tierIndex(id: string): number;
  /** The names of a tier of the order, by index. */
  head(index: number): { readonly label: string; readonly labelEn: string };
  /** The position of one of this tier's counters in the ledger layout. */
  counter(name: string): number;
  /** What earlier tiers send to this one to report (the description of a carve-out's care), or null. */
  carriedFrom(): CarriedFrom | null;
}

/** Reports a problem of a tier file at a path inside it. */
export type KindReport = (path: readonly PropertyKey[], message: string, code?: RuleIssue['code']) => void;

/**
 * One kind of the vocabulary: `Name` its name in tier files and details, `Raw` its parameters as
 * written, `P` as resolved for a stretch of dates, `D` what it decides per claim profile, `Detail`
 * its line's detail.
 */
export interface Kind<Name extends string = string, Raw = never, P = unknown, D = unknown, Detail = unknown> {
  readonly name: Name;
  /** A carve-out runs before the bill is split into parts (S, Pb, N, O) and takes from the pools. */
  readonly carveOut: boolean;
  /** It reads the parts (every kind but the carve-outs and the top-up). */
  readonly readsParts: boolean;
  /** Its line lists the fund payments made so far (a top-up: the funds it and earlier carve-outs drew on). */
  readonly reportsFunds: boolean;
  /** The zod keys of its parameters in a tier file (the header's keys are added by the schema). */
  shape(z: ZodApi, p: SchemaParts): Z.ZodRawShape;
  /** The names of the year-to-date counters it keeps for a tier file. */
  counters(raw: Raw): readonly string[];
  /** The id of the later tier whose line reports what this one sends to funds, if any. */
  reportsOn?(raw: Raw): string | null;
  /** Its parameters on one stretch of dates. */
  resolve(raw: Raw, env: ResolveEnv): P;
  /** Everything that depends only on the claim's facts (decided once per claim profile). */
  decide(params: P, facts: FactBag): D;
  /** How many numbers its step writes to the trace (after the slots every tier has). */
  traceWidth(params: P): number;
  /** Pays: updates the scratch state and writes its trace from `at`; allocates nothing. */
  step(s: Scratch, t: TierSpec<P>, d: D, at: number): void;
  /** Its line's detail, from what its step wrote to the trace from `at` (asked only for an explained settlement). */
  detail(s: Scratch, t: TierSpec<P>, d: D, at: number): Detail;
  /** What earlier tiers sent to this tier to report (a top-up: a carve-out's excess), for the line of a tier that did not run. */
  carriedFrom?(params: P): CarriedFrom | null;
  /** Its line's one-sentence explanation in each language, from the detail. */
  explain(lang: Lang, d: Detail, line: LineBasics): string;
  /** The national platform's record: what the line's payment was computed on, and the most it could pay this time. */
  nhsaBase(d: Detail): Fen;
  nhsaLimit(d: Detail, amount: Fen): Fen;
  /** The deductible this claim paid, for a kind whose deductible the insurance records show (act_pay_dedc, FHIR `deductible`). */
  deductibleCharged?(d: Detail): Fen;
  /** The funds a tier of this kind draws on, in order, with their names (a top-up's); the scheme lists the first such tier's. */
  funds?(raw: Raw): readonly { readonly id: string; readonly label: string; readonly labelEn: string }[];
  /** Checks of a tier file that its schema cannot express. */
  lint?(raw: Raw, report: KindReport, context: KindLintContext): void;
}

/** What a kind's lint may ask about the rest of the rule set's order. */
export interface KindLintContext {
  /** The tier files of the order, and the position of the one being checked. */
  readonly tiers: readonly TierFile[];
  readonly self: number;
  /** The funds a tier draws on (null: its kind draws on none). */
  funds(tier: TierFile): readonly string[] | null;
}
