/**
 * Who is asking: the `Authorization: Bearer <key>` header, hashed and looked up in the store.
 * Keys found are remembered for a minute (a key is never changed, only created), so a request
 * costs one hash and no query; a key not found is looked up again every time, so a key created
 * by another process works at once.
 */
import { hashKey } from './keys.js';
import type { ApiKeyRow, Store } from './store/store.js';

/** How long a key found stays remembered, in ms. */
const REMEMBER_MS = 60_000;
/** Most keys remembered (beyond, the memory starts afresh: a bound against a flood). */
const MAX_REMEMBERED = 10_000;

/** Finds the key of an Authorization header, or nothing. */
export type Authenticate = (authorization: string | undefined) => Promise<ApiKeyRow | undefined>;

/**
 * The authenticator of a store.
 *
 * @example
 * const who = await authenticator(store)(req.headers.authorization); // undefined → 401
 */
export function authenticator(store: Store, clock: () => number = Date.now): Authenticate {
  const remembered = new Map<string, { key: ApiKeyRow; until: number }>();
  return async (authorization) => {
    const m = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
    if (!m) return undefined;
    const hash = hashKey(m[1]!);
    const now = clock();
    const hit = remembered.get(hash);
    if (hit && hit.until > now) return hit.key;
    const key = await store.read((r) => r.keyByHash(hash));
    if (key) {
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(hash, { key, until: now + REMEMBER_MS });
    }
    return key;
  };
}
