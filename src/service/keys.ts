/**
 * API keys: 256 random bits, shown once, stored as their SHA-256.
 *
 * Why SHA-256 and not bcrypt or argon2: those are slow on purpose, to make guessing a person's
 * password costly. A key here is not chosen by a person: it is 32 random bytes, so there is
 * nothing to guess whatever the hash's speed (2^256 tries), and the hash only has to keep a
 * stolen table from being usable as keys. A slow hash would cost 50–100 ms of CPU on every
 * request, or a cache of the plain keys in memory, for no gain in safety.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from './roles.js';
import type { ApiKeyRow } from './store/store.js';

/** Keys start with this, so that secret scanners and people recognise one. */
export const KEY_PREFIX = 'bsw_';

/**
 * The SHA-256 of a key, in hex: what is stored and looked up.
 *
 * @example
 * hashKey('bsw_k1_abc').length // 64
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Makes a new key: the row to store (its hash only) and the key to show once.
 *
 * @example
 * const { key, row } = newApiKey('cashier', 'front desk', new Date().toISOString());
 * await store.insertKey(row); console.log(key);
 */
export function newApiKey(
  role: Role,
  name: string,
  createdAt: string,
): { readonly key: string; readonly row: ApiKeyRow } {
  // The id is public (the journal names it); the secret part is 32 random bytes.
  const id = `k_${randomBytes(6).toString('hex')}`;
  const key = `${KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { key, row: { id, name, role, hash: hashKey(key), createdAt } };
}
