/**
 * For an insurance back office: settle a day's discharges (NDJSON) in order, threading the
 * year-to-date ledger loaded from yesterday, keep going past bad claims, and save the ledger.
 *
 *   npx tsx examples/back-office-batch.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Fen, ZERO_FEN, addFen, createBatch, formatFen, ledgerToJson, parseLedgerJson } from '../src/index.js';

const here = import.meta.dirname ?? __dirname;
const lines = readFileSync(join(here, 'claims', '10-year-sequence.ndjson'), 'utf8')
  .split('\n')
  .filter(Boolean);
// A bad line in the middle of the day: it is reported and the others are still settled.
lines.splice(1, 0, '{"id": "BROKEN", "items": []}');

const yesterday = parseLedgerJson({ version: 1, entries: [] });
if (!yesterday.ok) throw new Error('ledger');
const batch = createBatch({ ledger: yesterday.value });

const paidByTier = new Map<string, Fen>();
lines.forEach((line, i) => {
  const o = batch.settle(JSON.parse(line), i + 1);
  if (!o.ok) {
    console.log(`line ${o.line} (${o.claimId}): ${o.errors.map((e) => `${e.code} at ${e.path}`).join('; ')}`);
    return;
  }
  console.log(`line ${o.line} ${o.record.claim.id}: personal ${formatFen(o.record.personal)}`);
  for (const l of o.record.lines) paidByTier.set(l.label, addFen(paidByTier.get(l.label) ?? ZERO_FEN, l.amount));
});
console.log('\nPaid today by payer:');
for (const [label, fen] of paidByTier) if (fen > 0) console.log(`  ${label}: ${formatFen(fen)}`);
console.log(`\nLedger to save: ${JSON.stringify(ledgerToJson(batch.ledger()))}`);
