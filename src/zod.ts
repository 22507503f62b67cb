/**
 * zod, loaded on first use. Importing zod 4 takes about 135 ms here, most of a cold start, and a
 * valid claim never needs it (the hand-written reader takes it), nor do the embedded rules (checked
 * by the tests). It is loaded, synchronously, the first time a schema is built: to report what is
 * wrong with a claim, or to check a rule folder or a ledger file.
 */
import { createRequire } from 'node:module';
import type { z as Z } from 'zod';

/**
 * The type of the zod namespace. Declared once here, outside any function: a parameter written
 * `z: typeof Z` became `z: typeof z` in the bundled declarations (the bundler names zod's import
 * `z`), which refers to the parameter itself (TS2502 in a consumer's strict type check).
 */
export type ZodApi = typeof Z;

let loaded: typeof Z | undefined;

/**
 * The zod namespace.
 *
 * @example
 * const z = zod(); z.string().min(1)
 */
export function zod(): typeof Z {
  loaded ??= (createRequire(import.meta.url)('zod') as { z: typeof Z }).z;
  return loaded;
}

/**
 * A value built once, on first use.
 *
 * @example
 * const schema = lazily(() => zod().string()); schema().parse('x')
 */
export function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
