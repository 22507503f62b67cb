/**
 * zod for the page and its workers. The library loads zod on first use (src/zod.ts) and a browser
 * must hand it over up front, as src/browser.ts does with the whole namespace; the page hands over
 * only the members the library's schemas call, each named once here, so that the bundler leaves
 * out zod's 40-odd message locales and its JSON Schema writer: the page's scripts are 277 KB
 * minified instead of 624 KB (87 KB gzipped instead of 151 KB, docs/app.md "Transfer size").
 * test/app/zod-members.test.ts holds this list to every `z.<member>` the page's bundle reaches.
 */
import * as z from 'zod';
import { type ZodApi, provideZod } from '../zod.js';

/** The members of the zod namespace the library's schemas use in the page. */
export const ZOD_MEMBERS = {
  array: z.array,
  boolean: z.boolean,
  discriminatedUnion: z.discriminatedUnion,
  enum: z.enum,
  int: z.int,
  lazy: z.lazy,
  literal: z.literal,
  NEVER: z.NEVER,
  number: z.number,
  record: z.record,
  strictObject: z.strictObject,
  string: z.string,
  union: z.union,
  unknown: z.unknown,
} as const;

/**
 * Hands zod to the library (call once, first thing, in the page and in each worker).
 *
 * @example
 * provideAppZod(); settle(claim) // a bad claim's issues now come from zod's schemas
 */
export function provideAppZod(): void {
  // zod compiles its object parsers with `new Function` when eval is allowed, and probes for it
  // once; the page's Content-Security-Policy forbids eval, and the probe alone would report a
  // violation. Without its JIT zod parses the same, a little slower, and only bad input reaches it.
  z.config({ jitless: true });
  provideZod(ZOD_MEMBERS as unknown as ZodApi);
}
