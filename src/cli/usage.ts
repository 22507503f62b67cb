/**
 * The command's usage, per subcommand: what `bashunwei --help` and `bashunwei COMMAND --help`
 * print (exit 0), and what follows a usage error (exit 2). The output formats of `settle` are
 * listed from their registry (src/format/outputs.ts).
 */
import type { OutputFormat } from '../format/output-format.js';
import { OUTPUT_FORMATS } from '../format/outputs.js';

/**
 * The `--format` lines of `settle --help`: each format of the registry with what it is.
 *
 * @example
 * formatUsage(OUTPUT_FORMATS) // "  --format F           json (default): the settlement JSON…\n                       ndjson: …"
 */
export function formatUsage(formats: readonly OutputFormat[]): string {
  return formats
    .map(
      (f, i) =>
        `${i === 0 ? '  --format F           ' : '                       '}${f.id}${i === 0 ? ' (default)' : ''}: ${f.summary}\n`,
    )
    .join('');
}

/**
 * The usage of `settle`, its formats those of `formats`.
 *
 * @example
 * settleUsage(OUTPUT_FORMATS)
 */
export function settleUsage(formats: readonly OutputFormat[]): string {
  return `usage: bashunwei settle [FILE|-] [options]
  Settles one claim (a JSON document) or many (NDJSON, one per line) from FILE or stdin, in order,
  the year-to-date ledger threaded per person and year.
  --rules DIR          a rule folder, or a folder of rule folders (default: the embedded rules,
                       ziyang-2017 to 2020 and ziyang-2022 from 2022, each claim by its discharge date)
  --ledger FILE        start from this ledger file
  --ledger-out FILE    write the ledger after the run
${formatUsage(formats)}  --created DATETIME   with --format ${formats
    .filter((f) => f.dated)
    .map((f) => f.id)
    .join(' or ')}: its documents' creation time (default: now, or SOURCE_DATE_EPOCH)
  --lang L             zh-CN (default) | en
  exit 0 all settled, 1 some claim refused (the others settled), 2 usage, unreadable file, bad rules
`;
}

/** The subcommands that have their own usage. */
export type Command = 'settle' | 'simulate' | 'rules' | 'claims' | 'serve' | 'keys' | 'app';

/** The usage of each subcommand: its synopsis, then one line per option. */
export const COMMAND_USAGE: Readonly<Record<Command, string>> = {
  settle: settleUsage(OUTPUT_FORMATS),
  simulate: `usage: bashunwei simulate [FILE|-] [options] | bashunwei simulate --merge A.json B.json … [options]
  Settles every claim of FILE (NDJSON, or CSV with one row per item; - or none: stdin), in any order, in
  bounded memory (the claims are partitioned by person into temporary files), and prints the report JSON.
  --rules DIR          the rules (default: the embedded rules)
  --baseline DIR       also settle under this baseline, and report the differences
  --out FILE           also write the HTML report
  --workers N          worker threads (default: every core)
  --funds FILE         relief-fund balances per year, {"fund-id": "amount", …} (settled in input order, one thread)
  --input F            ndjson | csv (default: by the file's extension)
  --tmp DIR            where the temporary partitions go (default: the OS temp dir; about 1.1× the input)
  --claims-out FILE    also write one row per settled claim and variant: FILE.csv or FILE.parquet
  --aggregates-out F   also write the mergeable aggregates (a run split across machines by person)
  --merge              add up aggregates files written by --aggregates-out (same --rules and --baseline)
  --grouped            accepted for older scripts; every run is exact in any order
  --lang L             zh-CN (default) | en
  exit 0 all settled, 1 some claim refused, 2 usage, unreadable file, bad rules, temporary space full
`,
  rules: `usage: bashunwei rules check [DIR] | rules test [DIR] | rules diff A B | rules schema [--out DIR]
  check [DIR]          validates a rule folder (default: the embedded rules; extends resolved), lists the
                       assumed values and rules to confirm
  test [DIR]           settles the worked cases of the rule folders (tests/*.json; default: the shipped
                       ones) and prints every difference field by field; exit 1 when a case fails
  diff A B             what changed from rule set A to rule set B (folders, or embedded ids such as
                       ziyang-2017): period, tiers, dated values, conditions, other fields
  --format F           with test and diff: text (default) | json
  schema [--out DIR]   prints the rule files' JSON Schema, or writes one file per rule file into DIR
`,
  claims: `usage: bashunwei claims schema [--rules DIR] [--out FILE]
  schema               prints the JSON Schema of a claim for the embedded rules (or --rules DIR), or
                       writes it to FILE (docs/claim.md says what it checks and what it cannot)
`,
  serve: `usage: bashunwei serve [--port 8080] [--host 127.0.0.1] [--db FILE | --db postgres://USER@HOST/DB] [--request-timeout 60] [--headers-timeout 10] [--keep-alive-timeout 5]
  Runs the back-office service (docs/service.md): settlement, reversal and ledgers over HTTP, API keys
  and roles, an append-only journal, OpenAPI 3.1 at /openapi.json, metrics at /metrics.
  --port N             the port to listen on (default 8080)
  --host H             the address to listen on (default 127.0.0.1)
  --db FILE|URL        a SQLite file (one process) or a postgres:// URL (many processes); default
                       DATABASE_URL, else bashunwei.sqlite in the working directory
  --request-timeout S  seconds to receive a whole request, headers and body (default 60); then 408
  --headers-timeout S  seconds to receive a request's headers (default 10); then 408
  --keep-alive-timeout S  seconds an idle connection stays open (default 5); on SIGTERM, how long open
                       connections may still send a last request (10 at the most)
  LOG_LEVEL            JSON logs on stdout at this level (default info); SIGTERM shuts down gracefully
  exit 2 when the store cannot be opened or the port cannot be listened on
`,
  keys: `usage: bashunwei keys create --role cashier|auditor|admin [--name TEXT] [--db FILE | --db postgres://…]
  create               makes an API key and prints it once on stdout (only its SHA-256 is stored)
  --role R             cashier (settles, reads) | auditor (reads, the journal) | admin (all, and reverses)
  --name TEXT          what the key is for, kept beside it
  --db FILE|URL        the service's store, as for serve
`,
  app: `usage: bashunwei app --out DIR
  Writes the policy workbench (docs/app.md) into DIR as static files, for any static web server: claims
  settled, rule sets read and reforms simulated in the browser, nothing sent anywhere (bashunwei serve
  also serves it at /app/).
  --out DIR            the folder to write (made when missing)
  exit 2 when the page was not built (npm run build) or DIR cannot be written
`,
};

/** The synopsis of every subcommand: `bashunwei --help`. */
export const USAGE = `usage:
  bashunwei settle [FILE|-] [--rules DIR] [--ledger FILE] [--ledger-out FILE] [--format ${OUTPUT_FORMATS.map((f) => f.id).join('|')}] [--created DATETIME] [--lang zh-CN|en]
  bashunwei simulate [FILE|-] [--rules DIR] [--baseline DIR] [--out report.html] [--workers N] [--funds FILE] [--input ndjson|csv] [--tmp DIR] [--claims-out rows.csv|rows.parquet] [--aggregates-out FILE] [--lang zh-CN|en]
  bashunwei simulate --merge A.json B.json … [--rules DIR] [--baseline DIR] [--out report.html] [--aggregates-out FILE] [--lang zh-CN|en]
  bashunwei rules check [DIR]
  bashunwei rules test [DIR] [--format text|json]
  bashunwei rules diff A B [--format text|json]
  bashunwei rules schema [--out DIR]
  bashunwei claims schema [--rules DIR] [--out FILE]
  bashunwei serve [--port 8080] [--host 127.0.0.1] [--db FILE | --db postgres://USER@HOST/DB]
  bashunwei keys create --role cashier|auditor|admin [--name TEXT] [--db FILE | --db postgres://…]
  bashunwei app --out DIR
  bashunwei --version
  bashunwei COMMAND --help
`;
