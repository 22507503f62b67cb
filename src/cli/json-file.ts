/**
 * Reading a JSON file the command was given (a ledger, fund balances): unreadable files, invalid
 * JSON and keys written twice (which `JSON.parse` would silently resolve to the last) are told to
 * the user with the file's name and what it holds, once, here.
 */
import { readFileSync } from 'node:fs';
import { duplicateKeyPaths } from '../errors/duplicate-keys.js';
import type { Io } from './io.js';

/**
 * The parsed content of `file`, or `undefined` after saying why on stderr.
 *
 * @example
 * const json = readJsonFile('ledger.json', 'the ledger', io);
 * if (json === undefined) return 2;
 */
export function readJsonFile(file: string, what: string, io: Pick<Io, 'err'>): { json: unknown } | undefined {
  let text: string;
  let json: unknown;
  try {
    text = readFileSync(file, 'utf8');
    json = JSON.parse(text);
  } catch (e) {
    io.err(`bashunwei: cannot read ${what} ${file}: ${(e as Error).message}\n`);
    return undefined;
  }
  const dups = duplicateKeyPaths(text);
  if (dups.length > 0) {
    io.err(`bashunwei: ${what} ${file} writes a key twice: ${dups.join(', ')}\n`);
    return undefined;
  }
  return { json };
}
