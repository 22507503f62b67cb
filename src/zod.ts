/**
 * zod, loaded on first use. Importing zod 4 takes about 100 ms on Node, most of a cold start, and a
 * valid claim never needs it (the hand-written reader takes it), nor do the embedded rules (checked
 * by the tests). It is loaded, synchronously, the first time a schema is built: to report what is
 * wrong with a claim, or to check a rule folder or a ledger file.
 *
 * This module imports no Node module, so that the core runs in a browser: on Node it asks the
 * running process for `require` (`process.getBuiltinModule`, Node ≥ 20.16); the browser build
 * (src/browser.ts, the package's `browser` condition) imports zod itself and hands it over with
 * {@link provideZod}.
 */
import type { z as Z } from 'zod';

/**
 * The type of the zod namespace. Declared once here, outside any function: a parameter written
 * `z: typeof Z` became `z: typeof z` in the bundled declarations (the bundler names zod's import
 * `z`), which refers to the parameter itself (TS2502 in a consumer's strict type check).
 */
export type ZodApi = typeof Z;

let loaded: ZodApi | undefined;

/** What this module needs of Node's `module`, typed here so that no Node type is imported. */
interface NodeModuleApi {
  createRequire(from: string): (id: string) => unknown;
}

/**
 * Hands over the zod namespace, for a platform that cannot load it on first use (a browser).
 *
 * @example
 * import { z } from 'zod'; provideZod(z);
 */
export function provideZod(z: ZodApi): void {
  loaded ??= z;
}

/**
 * The zod namespace.
 *
 * @example
 * const z = zod(); z.string().min(1)
 */
export function zod(): ZodApi {
  if (!loaded) {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const nodeModule = proc?.getBuiltinModule?.('node:module') as NodeModuleApi | undefined;
    if (!nodeModule) {
      throw new Error(
        'zod is not loaded: use the browser build of bashunwei (its "browser" export), or call provideZod(z) first',
      );
    }
    loaded = (nodeModule.createRequire(import.meta.url)('zod') as { z: ZodApi }).z;
  }
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
