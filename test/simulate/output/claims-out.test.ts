/**
 * `simulate --claims-out`: one row per settled claim and variant, in input order, as CSV and as
 * Parquet, each read back (the CSV by the project's reader, the Parquet by hyparquet) and held
 * row by row to the same claims settled one by one under each rule folder. The reform is a rule
 * folder, so the report's list of changes is the folder's difference from the baseline.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../../seeds/generator.js';
import { main } from '../../../src/cli/main.js';
import { loadRuleFolder } from '../../../src/node/load-rule-folder.js';
import { settleBatch } from '../../../src/contract/settle-json.js';
import type { SettlementRecord } from '../../../src/settle/settle-claim.js';
import { claimRowLayout } from '../../../src/simulate/output/claim-rows.js';
import { parseCsv } from '../../../src/csv/read.js';
import type { RuleBook } from '../../../src/scheme/book.js';
import { tempDir } from '../../support/helpers.js';

const dir = tempDir('claims-out');
const claims = [...generateClaims({ claims: 1500, seed: 77, year: 2018 })];
const input = join(dir, 'claims.ndjson');
const reformDir = join(dir, 'reform');
let books: RuleBook[];

beforeAll(() => {
  // A bad line among the claims: refused, counted, and in no row.
  const lines = claims.map((c) => JSON.stringify(c));
  lines.splice(700, 0, '{"id": "broken"}');
  writeFileSync(input, `${lines.join('\n')}\n`);
  cpSync('rules/ziyang-2017', reformDir, { recursive: true });
  const tilt = join(reformDir, 'tiers', 'tilt-payment.json');
  writeFileSync(tilt, readFileSync(tilt, 'utf8').replace('"2017-03-17": "0.20"', '"2017-03-17": "0.40"'));
  books = ['rules/ziyang-2017', reformDir].map((d) => {
    const r = loadRuleFolder(d);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  });
});

async function simulate(out: string, workers: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    [
      'simulate',
      input,
      '--baseline',
      'rules/ziyang-2017',
      '--rules',
      reformDir,
      '--workers',
      workers,
      '--claims-out',
      out,
    ],
    { out: (x) => (stdout += x), err: (x) => (stderr += x) },
  );
  return { code, report: JSON.parse(stdout || 'null'), stderr };
}

/** What every row must say: the claims settled one by one, baseline then reform for each claim. */
function expectedRows(): Record<string, unknown>[] {
  const settled = books.map((rules) =>
    settleBatch(claims, { rules }).outcomes.map((o) => (o.ok ? o.record : undefined)),
  );
  const layout = claimRowLayout(books);
  const rows: Record<string, unknown>[] = [];
  claims.forEach((_, k) => {
    settled.forEach((records, v) => {
      const r = records[k] as SettlementRecord;
      const tier = (id: string) => r.lines.find((l) => l.id === id)?.amount ?? 0;
      const fund = (id: string) =>
        r.lines
          .flatMap((l) => l.funds ?? [])
          .filter((d) => d.fund === id)
          .reduce((s, d) => s + d.amount, 0);
      const claim = r.claim;
      rows.push({
        variant: v === 0 ? 'baseline' : 'reform',
        line: k < 700 ? k + 1 : k + 2,
        claim_id: claim.id,
        person_id: claim.person.id,
        county: claim.person.county,
        category: claim.person.category,
        pathway: claim.visit.kind,
        discharged: claim.visit.discharged,
        rules: `${r.policy.id}@${r.policy.version}`,
        total: r.bill.total,
        hospital_absorbed: r.bill.hospitalAbsorbed,
        billable: r.bill.billable,
        ...Object.fromEntries(layout.tierIds.map((id) => [`tier_${id.replaceAll('-', '_')}`, tier(id)])),
        ...Object.fromEntries(layout.fundIds.map((id) => [`fund_${id.replaceAll('-', '_')}`, fund(id)])),
        personal: r.personal,
        target_met: r.target === null ? null : r.target.met,
      });
    });
  });
  return rows;
}

/** PostgreSQL's reserved key words (those a column name may not be without quotes; DuckDB's are a subset). */
const SQL_RESERVED = `all analyse analyze and any array as asc asymmetric both case cast check collate column constraint
create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc
distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading
limit localtime localtimestamp not null offset on only or order placing primary references returning select
session_user some symmetric system_user table then to trailing true union unique user using variadic when where window
with`.split(/\s+/);

/** Yuan (a CSV string or a Parquet decimal) as fen. */
const fen = (v: unknown): number => Math.round(Number(v) * 100);

describe('simulate --claims-out', () => {
  it('writes CSV rows that read back equal to the settlements, row by row, in input order (two workers)', async () => {
    const out = join(dir, 'rows.csv');
    const { code, report } = await simulate(out, '2');
    expect(code).toBe(1); // the bad line
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...records] = parseCsv(text).map((r) => ('cells' in r ? r.cells : [JSON.stringify(r.problem)]));
    const columns = claimRowLayout(books).columns;
    expect(header).toEqual(columns.map((c) => c.name));
    const rows = records.map((cells) =>
      Object.fromEntries(
        cells.map((cell, i) => {
          const c = columns[i]!;
          return [
            c.name,
            c.kind === 'amount'
              ? fen(cell)
              : c.kind === 'int'
                ? Number(cell)
                : c.kind === 'bool'
                  ? cell === ''
                    ? null
                    : cell === 'true'
                  : cell,
          ];
        }),
      ),
    );
    expect(rows).toEqual(expectedRows());
    expect(rows.length).toBe(report.counts.variants[0].settled * 2);
    // The report names what changed in the reform folder: the tilt ratio, with its date.
    expect(report.compared[1].changes).toEqual([
      {
        ruleSet: 'ziyang-2017',
        kind: 'value-changed',
        file: 'tiers/tilt-payment.json',
        path: 'shares.in-scope.ratio',
        clause: '7.4.4',
        date: '2017-03-17',
        before: '0.20',
        after: '0.40',
      },
    ]);
  });

  it('writes Parquet rows (amounts as DECIMAL(18,2)) that read back equal to the settlements, row by row (one worker)', async () => {
    const out = join(dir, 'rows.parquet');
    const { code } = await simulate(out, '1');
    expect(code).toBe(1);
    const read = (await parquetReadObjects({ file: await asyncBufferFromFile(out) })) as Record<string, unknown>[];
    const columns = claimRowLayout(books).columns;
    const rows = read.map((r) =>
      Object.fromEntries(
        columns.map((c) => [
          c.name,
          c.kind === 'amount'
            ? fen(r[c.name])
            : c.kind === 'int'
              ? Number(r[c.name])
              : c.kind === 'date'
                ? (r[c.name] as Date).toISOString().slice(0, 10)
                : (r[c.name] ?? null),
        ]),
      ),
    );
    expect(rows).toEqual(expectedRows());
  });

  it('names every column in snake_case that SQL reads without quotes, the same in CSV and Parquet, and stores the discharge date as a DATE', async () => {
    // Reported: `discharged` was text, and `tilt-payment` or `fund:emergency-relief` needed quoting in SQL.
    const csv = join(dir, 'names.csv');
    const parquet = join(dir, 'names.parquet');
    await simulate(csv, '1');
    await simulate(parquet, '1');
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(parquet));
    const [, ...elements] = metadata.schema;
    const names = elements.map((e) => e.name);
    expect(parseCsv(readFileSync(csv, 'utf8'))[0]).toEqual({ line: 1, cells: names });
    for (const name of names) {
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(SQL_RESERVED).not.toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['claim_id', 'tier_tilt_payment', 'fund_emergency_relief', 'target_met']),
    );
    const discharged = elements.find((e) => e.name === 'discharged');
    expect(discharged).toMatchObject({ type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } });
    const first = (await parquetReadObjects({ file: await asyncBufferFromFile(parquet), rowEnd: 1 }))[0]!;
    expect(first.discharged).toEqual(
      new Date(`${(claims[0] as { visit: { discharged: string } }).visit.discharged}T00:00:00Z`),
    );
  });

  it('refuses a file that is neither .csv nor .parquet, before settling anything', async () => {
    let stderr = '';
    const code = await main(['simulate', input, '--claims-out', join(dir, 'rows.xlsx')], {
      out: () => {},
      err: (x) => (stderr += x),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--claims-out writes a .csv or a .parquet file');
  });
});
