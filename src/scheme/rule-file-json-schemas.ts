/**
 * JSON Schemas of the rule files, generated from the zod schemas that the loader uses (never
 * written by hand), so that an editor validates a rule file as it is typed. What JSON Schema cannot
 * say (dates that cover the period, facts known where they are read, files in the tier order…) stays
 * with `bashunwei rules check`.
 */
import type { z as Z } from 'zod';
import { zod } from '../zod.js';
import { ruleFileSchemas, type RuleFileSchemaName } from './rule-file-schemas.js';

/** Where the shipped rule files find their schemas, relative to a rule folder. */
export const SCHEMA_FOLDER = '../schema';

/**
 * The schema file name of a rule file.
 *
 * @example
 * schemaFileName('tier.json') // "tier.schema.json"
 */
export function schemaFileName(file: RuleFileSchemaName): string {
  return file.replace(/\.json$/, '.schema.json');
}

/**
 * The JSON Schema (draft 2020-12) of each rule file, by file name.
 *
 * @example
 * ruleFileJsonSchemas()['persons.json'].properties.categories
 */
export function ruleFileJsonSchemas(): Record<RuleFileSchemaName, Record<string, unknown>> {
  const out = {} as Record<RuleFileSchemaName, Record<string, unknown>>;
  const z = zod();
  for (const [file, schema] of Object.entries(ruleFileSchemas()) as [RuleFileSchemaName, Z.ZodType][]) {
    // The input side: what an author writes, before the loader's transforms.
    out[file] = {
      ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
      title: `bashunwei rule file ${file}`,
    };
  }
  return out;
}

/**
 * One document with every rule file's schema under `$defs` (what `bashunwei rules schema` prints).
 *
 * @example
 * JSON.stringify(ruleFolderJsonSchema(), null, 2)
 */
export function ruleFolderJsonSchema(): Record<string, unknown> {
  const $defs: Record<string, unknown> = {};
  for (const [file, schema] of Object.entries(ruleFileJsonSchemas())) {
    const { $schema: _, ...rest } = schema;
    // Its own $id makes each one a schema resource, so its internal "#/$defs/…" refs still resolve.
    $defs[file] = { $id: schemaFileName(file as RuleFileSchemaName), ...rest };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'bashunwei rule folder: one schema per file, under $defs by file name',
    $defs,
  };
}
