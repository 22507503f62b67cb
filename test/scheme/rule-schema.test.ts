/**
 * `bashunwei rules schema`: JSON Schemas generated from the zod schemas, shipped in rules/schema/
 * (never edited by hand: they must equal what the command writes), pointed at by every shipped rule
 * file's `$schema`, and strict enough that an editor flags the usual mistakes as they are typed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EMBEDDED_RULE_FOLDERS } from '../../src/scheme/embedded.js';
import { ruleFileJsonSchemas, ruleFolderJsonSchema, schemaFileName } from '../../src/scheme/rule-file-json-schemas.js';
import {
  RULE_FILE_SCHEMA_NAMES,
  ruleFileSchemas,
  schemaNameOf,
  type RuleFileSchemaName,
} from '../../src/scheme/rule-file-schemas.js';
import { tempDir } from '../support/helpers.js';
import { ROOT } from '../support/paths.js';

const root = ROOT;
const read = (p: string): Record<string, unknown> => JSON.parse(readFileSync(p, 'utf8'));
/**
 * A whole file as the schema sees it: without the `$patch` directive of a file that replaces the
 * parent's (the merge drops it; the JSON Schemas do not know it, so an editor flags it: reported).
 */
const whole = (p: string): Record<string, unknown> => {
  const { $patch: _, ...rest } = read(p);
  return rest;
};
/** The schema a rule file of a folder is written against. */
const schemaOf = (file: string): RuleFileSchemaName => schemaNameOf(file) ?? 'ruleset.json';
/**
 * Every shipped rule file that is a whole file (not a patch of the folder it extends): every file
 * of a folder that extends nothing, and the files of ziyang-2022 that replace or add one.
 */
const WHOLE: readonly (readonly [string, string])[] = Object.entries(EMBEDDED_RULE_FOLDERS).flatMap(
  ([folder, files]) => {
    const extendsAnother = (files['ruleset.json'] as { extends?: string }).extends !== undefined;
    return Object.entries(files)
      .filter(
        ([file, content]) =>
          !extendsAnother || file === 'ruleset.json' || (content as { $schema?: string }).$schema !== undefined,
      )
      .map(([file]) => [folder, file] as const);
  },
);
const run = async (argv: string[]) => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
};
const validator = (schema: RuleFileSchemaName) =>
  new Ajv2020({ allErrors: true, strict: false }).compile(ruleFileJsonSchemas()[schema]);

describe("the rule files' JSON Schemas", () => {
  it('rules/schema/ holds exactly what `bashunwei rules schema --out` writes (regenerate it, never edit it)', async () => {
    const out = tempDir('schema');
    expect((await run(['rules', 'schema', '--out', out])).code).toBe(0);
    expect(readdirSync(join(root, 'rules/schema')).sort()).toEqual(readdirSync(out).sort());
    for (const f of readdirSync(out))
      expect(readFileSync(join(root, 'rules/schema', f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
  });

  it('names exactly the files that have a schema, in order', () => {
    expect(Object.keys(ruleFileSchemas())).toEqual([...RULE_FILE_SCHEMA_NAMES]);
  });

  it('covers every file of ziyang-2017 and the whole files of ziyang-2022', () => {
    expect(WHOLE.filter(([f]) => f === 'ziyang-2017').length).toBe(
      Object.keys(EMBEDDED_RULE_FOLDERS['ziyang-2017']!).length,
    );
    expect(
      WHOLE.filter(([f]) => f === 'ziyang-2022')
        .map(([, file]) => file)
        .sort(),
    ).toEqual(['persons.json', 'ruleset.json', 'tiers/medical-assistance.json', 'tiers/tilted-assistance.json']);
  });

  it.each(WHOLE)('%s/%s points at its schema and is valid against it', (folder, file) => {
    const content = whole(join(root, 'rules', folder, file));
    const up = file.startsWith('tiers/') ? '../..' : '..';
    expect(content.$schema).toBe(`${up}/schema/${schemaFileName(schemaOf(file))}`);
    const validate = validator(schemaOf(file));
    expect(validate(content), JSON.stringify(validate.errors)).toBe(true);
  });

  const base = (file: string) => read(join(root, 'rules/ziyang-2017', file));
  it.each([
    [
      'a ratio written as a number',
      'tiers/tilt-payment.json',
      (f: any) => (f.shares['in-scope'].ratio.values['2017-03-17'] = 0.2),
      '/shares/in-scope/ratio/values/2017-03-17',
    ],
    ['a misspelt key', 'tiers/tilt-payment.json', (f: any) => (f.sharez = f.shares), ''],
    [
      'an operator json-rules-engine does not have',
      'persons.json',
      (f: any) => (f.protected.when.all[0].operator = 'isOneOf'),
      '/protected/when',
    ],
    [
      'a source that is neither seed nor assumed',
      'tiers/medical-assistance.json',
      (f: any) => (f.shares.assisted.ratio.source = 'guess'),
      '/shares/assisted/ratio/source',
    ],
    [
      'a kind that is not in the vocabulary',
      'tiers/serious-illness-insurance.json',
      (f: any) => (f.kind = 'stepped'),
      '',
    ],
    ['a key of another kind', 'tiers/serious-illness-insurance.json', (f: any) => (f.rows = {}), ''],
    ['an id with capitals', 'jurisdiction.json', (f: any) => (f.counties.Anyue = { label: '安岳' }), '/counties'],
  ])('flags %s, as an editor would', (_, file, change, where) => {
    const content = base(file as string);
    (change as (f: unknown) => void)(content);
    const validate = validator(schemaOf(file as string));
    expect(validate(content)).toBe(false);
    expect(validate.errors!.some((e) => e.instancePath.startsWith(where as string))).toBe(true);
  });

  it('prints one document with every file under $defs, each resolving its own references', async () => {
    const r = await run(['rules', 'schema']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toEqual(ruleFolderJsonSchema());
    const ajv = new Ajv2020({ strict: false }).addSchema(doc, 'folder');
    for (const [folder, file] of WHOLE) {
      const validate = ajv.getSchema(`folder#/$defs/${schemaOf(file).replace(/~/g, '~0').replace(/\//g, '~1')}`)!;
      expect(validate(whole(join(root, 'rules', folder, file))), `${folder}/${file}`).toBe(true);
    }
  });

  it('refuses a folder argument and --out with check', async () => {
    expect((await run(['rules', 'schema', 'x'])).code).toBe(2);
    expect((await run(['rules', 'check', '--out', 'x'])).code).toBe(2);
  });
});
