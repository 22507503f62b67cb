/**
 * `JSON.parse` keeps the last of two equal keys and says nothing: `{"compliant": false,
 * "compliant": true}` would pay for a non-compliant item. This scanner finds duplicate keys in
 * JSON text (already known to parse) so that they can be refused with their path.
 */
import { formatPath } from './issue.js';

/**
 * The paths of the keys that appear twice in one object of a JSON text, in order of appearance.
 * The text must be valid JSON (call it after `JSON.parse` succeeded).
 *
 * @example
 * duplicateKeyPaths('{"a": 1, "b": {"c": 1, "c": 2}}') // ["b.c"]
 */
export function duplicateKeyPaths(text: string): string[] {
  const found: string[] = [];
  // Objects have few keys: an array searched in place is cheaper than a Set per object (a Set
  // takes over beyond SMALL keys, so a hostile object with 100,000 keys stays linear).
  const stack: { keys: string[] | Set<string> | null; index: number; key: string | number }[] = [];
  // The path of the innermost object: the current key (or index) of every enclosing frame.
  const path = (): (string | number)[] => stack.slice(0, -1).map((f) => f.key);
  let i = 0;
  const n = text.length;
  let expectKey = false;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      // Jump to the closing quote with indexOf (strings are most of the text): a quote preceded
      // by an odd number of backslashes is escaped and does not close.
      let j = text.indexOf('"', i + 1);
      for (;;) {
        let b = j - 1;
        while (text.charCodeAt(b) === 0x5c) b--;
        if ((j - 1 - b) % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      const start = i + 1;
      i = j + 1;
      if (expectKey) {
        // Only keys are cut out of the text: slicing every value string cost more than the scan.
        const raw = text.slice(start, j);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const top = stack[stack.length - 1]!;
        if (seen(top.keys!, key)) found.push(formatPath([...path(), key]));
        else top.keys = remember(top.keys!, key);
        top.key = key;
        expectKey = false;
      }
      continue;
    }
    if (ch === 0x7b /* { */) {
      stack.push({ keys: [], index: 0, key: '' });
      expectKey = true;
    } else if (ch === 0x5b /* [ */) {
      stack.push({ keys: null, index: 0, key: 0 });
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (ch === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top && top.keys === null) top.key = ++top.index;
      else expectKey = true;
    }
    i++;
  }
  return found;
}

const SMALL = 16;

function seen(keys: string[] | Set<string>, key: string): boolean {
  return Array.isArray(keys) ? keys.includes(key) : keys.has(key);
}

function remember(keys: string[] | Set<string>, key: string): string[] | Set<string> {
  if (!Array.isArray(keys)) return keys.add(key);
  keys.push(key);
  return keys.length > SMALL ? new Set(keys) : keys;
}
