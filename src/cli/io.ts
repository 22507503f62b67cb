/** Where a command writes and what it reads besides its files: the process's streams, or a test's. */
import type { Readable } from 'node:stream';

/** Where the command writes. */
export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Standard input (default: the process's). */
  readonly stdin?: Readable;
  /** The environment (default: the process's): `SOURCE_DATE_EPOCH`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
