/**
 * Output formats as one registry (issue 21): each format is one module behind one small interface
 * (src/format/output-format.ts), `bashunwei settle` loops over the registry and names no format,
 * and adding a format is adding a module and a line in the registry. The registry runs anywhere
 * (no Node module), for the service's `?format=` as for the command.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settleCommand } from '../../src/cli/settle-command.js';
import { UsageError } from '../../src/cli/args.js';
import { settleUsage } from '../../src/cli/usage.js';
import { NOTHING, type OutputFormat, errorLine, formatOne, jsonText } from '../../src/format/output-format.js';
import { OUTPUT_FORMATS, outputFormat } from '../../src/format/outputs.js';
import { settlementToJson } from '../../src/format/settlement-json.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { parseClaim } from '../../src/settle/parse-claim.js';
import { settleClaim } from '../../src/settle/settle-claim.js';
import { baseClaim, tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

/** A new format, written as a module of src/format/outputs/ would be: tab-separated, one line per claim. */
const tsv: OutputFormat = {
  id: 'tsv',
  summary: 'tab-separated: claim id and personal pay',
  mediaType: 'text/tab-separated-values',
  wholeRun: false,
  dated: false,
  open: (o) => ({
    start: () => ({ out: 'claimId\tpersonal\n' }),
    settled: (r) => ({ out: `${r.claim.id}\t${settlementToJson(r, { lang: o.lang }).personal}\n` }),
    refused: (f) => ({ err: jsonText(errorLine(f), false) }),
    end: () => NOTHING,
  }),
};

const dir = tempDir('outputs');
const input = join(dir, 'claims.ndjson');
writeFileSync(
  input,
  [baseClaim({ id: 'A' }), { id: 'BAD' }, baseClaim({ id: 'B' })].map((c) => JSON.stringify(c)).join('\n'),
);

async function run(argv: string[], formats?: readonly OutputFormat[]) {
  let out = '';
  let err = '';
  const code = await settleCommand(argv, { out: (s) => (out += s), err: (s) => (err += s) }, formats);
  return { code, out, err };
}

describe('adding an output format is adding a module and a line in the registry', () => {
  const formats = [...OUTPUT_FORMATS, tsv];

  it('the command takes it by its id and writes what the module writes, refusals where it says', async () => {
    const r = await run([input, '--format', 'tsv'], formats);
    expect(r.code).toBe(1);
    expect(r.out).toBe('claimId\tpersonal\nA\t0.00\nB\t0.00\n');
    expect(r.err).toContain('"claimId":"BAD","line":2');
  });

  it('its usage and its --format check list it', async () => {
    expect(settleUsage(formats)).toContain('tsv: tab-separated: claim id and personal pay');
    await expect(run([input, '--format', 'xml'], formats)).rejects.toThrow(
      new UsageError('--format must be one of json, ndjson, text, html, csv, fhir, nhsa, tsv'),
    );
    await expect(run([input, '--format', 'tsv'])).rejects.toThrow(UsageError);
  });

  it('the command names no format: it only loops over the registry', () => {
    // (A claim read from the input is `{ line, text }`: that `'text' in rec` is no format.)
    const source = readFileSync(join(ROOT, 'src/cli/settle-command.ts'), 'utf8').replace("'text' in rec", '');
    for (const f of OUTPUT_FORMATS) expect(source, f.id).not.toMatch(new RegExp(`['"\`]${f.id}['"\`]`));
    expect(source).not.toMatch(/format ===/);
  });
});

describe('every format of the registry', () => {
  const claim = parseClaim(baseClaim({ id: 'ONE' }));
  const record = claim.ok ? settleClaim(claim.value) : undefined;
  if (!record?.ok) throw new Error('refused');
  const options = { lang: 'zh-CN' as const, rules: defaultRules(), created: '2017-06-10T09:30:00+08:00' };

  it.each(OUTPUT_FORMATS.map((f) => [f.id, f] as const))(
    '%s: one claim written by itself (what the service answers) is what the command prints',
    async (id, f) => {
      const file = join(dir, `one-${id}.json`);
      writeFileSync(file, JSON.stringify(baseClaim({ id: 'ONE' })));
      const r = await run([file, '--format', id, ...(f.dated ? ['--created', options.created] : [])]);
      expect(r.code).toBe(0);
      const one = formatOne(f, record.value, options);
      expect(one.out).toBe(r.out);
      expect(one.out!.length).toBeGreaterThan(20);
      expect(f.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+(; charset=utf-8)?$/);
    },
  );

  it('has one id each, the default first, and is found by it', () => {
    expect(new Set(OUTPUT_FORMATS.map((f) => f.id)).size).toBe(OUTPUT_FORMATS.length);
    expect(OUTPUT_FORMATS[0]!.id).toBe('json');
    for (const f of OUTPUT_FORMATS) expect(outputFormat(f.id)).toBe(f);
    expect(outputFormat('xml')).toBeUndefined();
  });

  it('imports no Node module (the service and a browser use it too)', () => {
    const files = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)],
      );
    for (const file of files(join(ROOT, 'src/format')))
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '(node:|fs'|path'|worker_threads)/);
  });
});
