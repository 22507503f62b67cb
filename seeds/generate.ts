/**
 * Writes synthetic claims as NDJSON to stdout.
 *
 *   npx tsx seeds/generate.ts --claims 100000 --seed 7 [--year 2018] > claims.ndjson
 */
import { generateClaims } from './generator.js';

const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args.set(argv[i]!.replace(/^--/, ''), argv[i + 1] ?? '');
const claims = Number(args.get('claims') ?? 1000);
const seed = Number(args.get('seed') ?? 1);
const year = Number(args.get('year') ?? 2018);
if (!Number.isSafeInteger(claims) || claims < 0 || !Number.isSafeInteger(seed) || !Number.isSafeInteger(year)) {
  process.stderr.write('usage: tsx seeds/generate.ts --claims N --seed S [--year Y]\n');
  process.exit(2);
}
let buf = '';
for (const c of generateClaims({ claims, seed, year })) {
  buf += `${JSON.stringify(c)}\n`;
  if (buf.length > 1 << 16) {
    process.stdout.write(buf);
    buf = '';
  }
}
process.stdout.write(buf);
