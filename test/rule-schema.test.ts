/**
 * `bashunwei rules schema`: JSON Schemas generated from the zod schemas, shipped in rules/schema/
 * (never edited by hand: they must equal what the command writes), pointed at by every shipped rule
 * file's `$schema`, and strict enough that an editor flags the usual mistakes as they are typed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ruleFileJsonSchemas, ruleFolderJsonSchema, schemaFileName } from '../src/rules/json-schema.js';
import { RULE_FILE_NAMES, ruleFileSchemas, type RuleFileName } from '../src/rules/schema.js';
import { tempDir } from './helpers.js';

const root = join(__dirname, '..');
const shipped = join(root, 'rules/ziyang-2017');
const FILES: readonly RuleFileName[] = RULE_FILE_NAMES;
const read = (p: string): Record<string, unknown> => JSON.parse(readFileSync(p, 'utf8'));
const run = async (argv: string[]) => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
};
const validator = (file: RuleFileName) => new Ajv2020({ allErrors: true, strict: false }).compile(ruleFileJsonSchemas()[file]);

describe('the rule files\' JSON Schemas', () => {
  it('rules/schema/ holds exactly what `bashunwei rules schema --out` writes (regenerate it, never edit it)', async () => {
    const out = tempDir('schema');
    expect((await run(['rules', 'schema', '--out', out])).code).toBe(0);
    expect(readdirSync(join(root, 'rules/schema')).sort()).toEqual(readdirSync(out).sort());
    for (const f of readdirSync(out)) expect(readFileSync(join(root, 'rules/schema', f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
  });

  it('names exactly the files that have a schema, in order', () => {
    expect(Object.keys(ruleFileSchemas())).toEqual([...RULE_FILE_NAMES]);
  });

  it.each(FILES)('%s points at its schema and is valid against it', (file) => {
    const content = read(join(shipped, file));
    expect(content.$schema).toBe(`../schema/${schemaFileName(file)}`);
    const validate = validator(file);
    expect(validate(content), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a ratio written as a number', 'tier-5-tilt-payment.json', (f: any) => (f.ratio.values['2017-03-17'] = 0.2), '/ratio/values/2017-03-17'],
    ['a misspelt key', 'tier-5-tilt-payment.json', (f: any) => (f.ration = f.ratio), ''],
    ['an operator json-rules-engine does not have', 'persons.json', (f: any) => (f.protected.when.all[0].operator = 'isOneOf'), '/protected/when'],
    ['a source that is neither seed nor assumed', 'tier-7-medical-assistance.json', (f: any) => (f.ratio.source = 'guess'), '/ratio/source'],
    ['a tier number that is not the file\'s', 'tier-3-serious-illness-insurance.json', (f: any) => (f.tier = 4), '/tier'],
  ])('flags %s, as an editor would', (_, file, change, where) => {
    const content = read(join(shipped, file as string));
    (change as (f: unknown) => void)(content);
    const validate = validator(file as RuleFileName);
    expect(validate(content)).toBe(false);
    expect(validate.errors!.some((e) => e.instancePath.startsWith(where as string))).toBe(true);
  });

  it('prints one document with every file under $defs, each resolving its own references', async () => {
    const r = await run(['rules', 'schema']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toEqual(ruleFolderJsonSchema());
    const ajv = new Ajv2020({ strict: false }).addSchema(doc, 'folder');
    for (const file of FILES) {
      const validate = ajv.getSchema(`folder#/$defs/${file.replace(/~/g, '~0').replace(/\//g, '~1')}`)!;
      expect(validate(read(join(shipped, file))), file).toBe(true);
    }
  });

  it('refuses a folder argument and --out with check', async () => {
    expect((await run(['rules', 'schema', 'x'])).code).toBe(2);
    expect((await run(['rules', 'check', '--out', 'x'])).code).toBe(2);
  });
});
