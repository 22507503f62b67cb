/**
 * A store that cannot be opened or used as it is: a driver that cannot be loaded, a database
 * that cannot be reached, tables written by a newer version. `serve` prints its message and
 * exits with code 2.
 */
export class StoreError extends Error {}
