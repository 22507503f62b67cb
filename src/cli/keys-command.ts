/**
 * `bashunwei keys create --role cashier|auditor|admin [--name TEXT] [--db …]`
 *
 * Makes an API key and prints it once on stdout (only its SHA-256 is stored: it cannot be shown
 * again); what it is goes to stderr, so that `KEY=$(bashunwei keys create --role cashier)` keeps
 * the key alone.
 */
import { isRole, ROLES } from '../service/roles.js';
import { parseArgs, UsageError } from './args.js';
import { dbOption } from './db-option.js';
import type { Io } from './io.js';

/**
 * Runs `keys` and returns the exit code (0, or 2 when the store cannot be opened).
 *
 * @example
 * await keysCommand(['create', '--role', 'cashier', '--name', 'front desk'], io);
 */
export async function keysCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create')
    throw new UsageError(sub === undefined ? 'keys needs a subcommand: create' : `unknown keys subcommand ${sub}`);
  const { positional, flags } = parseArgs(rest, { role: true, name: true, db: true });
  if (positional.length > 0) throw new UsageError(`keys create takes no argument, not ${positional[0]}`);
  const role = flags.role;
  if (typeof role !== 'string' || !isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const name = typeof flags.name === 'string' ? flags.name : '';
  const db = dbOption(flags.db);
  const service = await import('../service/index.js');
  let store;
  try {
    store = await service.openStore(db);
  } catch (e) {
    if (e instanceof service.StoreError) {
      io.err(`bashunwei: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const { key, row } = service.newApiKey(role, name, new Date().toISOString());
    await store.insertKey(row);
    io.out(`${key}\n`);
    io.err(
      `bashunwei: key ${row.id} (${role}${name ? `, ${JSON.stringify(name)}` : ''}) created in ${store.description}; it is shown this once: only its SHA-256 is kept\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
