/**
 * For a hospital billing system: settle one patient's claim at the cashier with the embedded
 * rules, print the statement, and keep the year-to-date ledger for the next visit.
 *
 *   npx tsx examples/billing-cashier.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBatch, formatStatement, ledgerToJson, settlementToJson } from '../src/index.js';

const claim = JSON.parse(
  readFileSync(join(import.meta.dirname ?? __dirname, 'claims', '01-poor-inpatient-in-county.json'), 'utf8'),
);

// One batch per cashier session; in production the ledger comes from your database.
const batch = createBatch();
const outcome = batch.settle(claim);
if (!outcome.ok) {
  // Errors are data: a stable code, the field's path, and a message for the clerk.
  for (const e of outcome.errors) console.error(`${e.code} at ${e.path}: ${e.message}`);
  process.exit(1);
}
console.log(formatStatement(outcome.record));

const json = settlementToJson(outcome.record);
console.log(`\nThe patient pays ${json.personal} yuan; the hospital writes off ${json.hospitalAbsorbed} yuan.`);
console.log(`Ledger to store: ${JSON.stringify(ledgerToJson(batch.ledger()).entries[0])}`);
