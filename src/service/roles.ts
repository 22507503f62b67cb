/**
 * The roles of API keys (docs/service.md): a cashier settles and reads, an auditor reads,
 * an admin does all and is the only one who reverses.
 */

/** The roles, from the narrowest. */
export const ROLES = ['cashier', 'auditor', 'admin'] as const;
/** A role of an API key. */
export type Role = (typeof ROLES)[number];

/**
 * True when `s` names a role.
 *
 * @example
 * isRole('admin') // true
 */
export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** What each kind of route needs: the roles allowed to call it. */
export const RIGHTS = {
  settle: ['cashier', 'admin'],
  read: ['cashier', 'auditor', 'admin'],
  audit: ['auditor', 'admin'],
  reverse: ['admin'],
  /** Metrics carry no claim or person: any key may read them (a scraper gets the narrowest). */
  metrics: ['cashier', 'auditor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

/** A right a route needs. */
export type Right = keyof typeof RIGHTS;
