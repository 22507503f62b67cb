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
  const stack: { keys: Set<string> | null; index: number; key: string | number }[] = [];
  // The path of the innermost object: the current key (or index) of every enclosing frame.
  const path = (): (string | number)[] => stack.slice(0, -1).map((f) => f.key);
  let i = 0;
  const n = text.length;
  let expectKey = false;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 0x5c) {
          escaped = true;
          j += 2;
          continue;
        }
        if (c === 0x22) break;
        j++;
      }
      const raw = text.slice(i + 1, j);
      i = j + 1;
      if (expectKey) {
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        const top = stack[stack.length - 1]!;
        if (top.keys!.has(key)) found.push(formatPath([...path(), key]));
        top.keys!.add(key);
        top.key = key;
        expectKey = false;
      }
      continue;
    }
    if (ch === 0x7b /* { */) {
      stack.push({ keys: new Set(), index: 0, key: '' });
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
