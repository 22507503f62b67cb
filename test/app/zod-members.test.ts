/**
 * The page hands the library only the zod members its schemas use (src/app/zod-api.ts), so that
 * the bundle leaves out zod's locales and JSON Schema writer. This test holds that list to every
 * `z.<member>` written in the modules the page's bundle actually contains: a schema that starts
 * using another member fails here, not in a policy officer's browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { APP_BUNDLE } from '../../scripts/build-app.js';
import { ZOD_MEMBERS } from '../../src/app/zod-api.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

describe("the page's zod", () => {
  it('has every member the bundled modules call, and the bundle has no zod locale', async () => {
    const r = await build({
      ...APP_BUNDLE,
      outdir: tempDir('app-meta'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    // The modules whose code is in the page's files (the bundler sees more, and leaves them out).
    const inputs = [
      ...new Set(
        Object.values(r.metafile.outputs).flatMap((o) =>
          Object.entries(o.inputs)
            .filter(([, v]) => v.bytesInOutput > 0)
            .map(([k]) => k),
        ),
      ),
    ];
    // (zod-api.ts itself names the members, and configures zod.)
    const ours = inputs.filter((f) => (f.startsWith('src/') || f.startsWith('seeds/')) && f !== 'src/app/zod-api.ts');
    expect(ours).toContain('src/claim/schema.ts');
    const used = new Set<string>();
    for (const f of ours) {
      // The code, not its comments (an @example may name a member the page never calls).
      const code = readFileSync(join(ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      // Only modules that take the namespace from the library (`zod()`): `z` is another name elsewhere.
      if (!/\bzod\(\)/.test(code)) continue;
      // z.core names types only (erased), never a value.
      for (const m of code.matchAll(/\bz\.([A-Za-z]+)\b/g)) if (m[1] !== 'core') used.add(m[1]!);
    }
    expect([...used].filter((m) => !(m in ZOD_MEMBERS)).sort()).toEqual([]);
    expect(inputs.filter((f) => /zod\/v4\/locales\/(?!en\.)/.test(f))).toEqual([]);
  });
});
