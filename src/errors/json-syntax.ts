/**
 * Where a JSON text stops being JSON, and why, for the message of `invalid_json`: `JSON.parse`
 * says it in words that vary by Node version, often without a position and sometimes with the
 * whole input pasted in. This scanner follows RFC 8259's grammar (iteratively: a deeply nested
 * input cannot overflow the stack) and reports the first offset where the text cannot go on.
 * It is called only after `JSON.parse` failed, so it costs nothing on valid input.
 */

/** What is wrong at the offset found. */
export type JsonSyntaxProblem =
  | 'unexpected_end'
  | 'unexpected_character'
  | 'expected_key'
  | 'expected_colon'
  | 'expected_comma'
  | 'unterminated_string'
  | 'control_character'
  | 'bad_escape'
  | 'bad_number'
  | 'text_after_end';

/** The first syntax error of a JSON text: its offset (UTF-16 units), line and column (1-based). */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly problem: JsonSyntaxProblem;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * The first syntax error of `text`, or `undefined` when it is valid JSON.
 *
 * @example
 * jsonSyntaxError('{\n  "id": "C1",\n') // { offset: 15, line: 3, column: 1, problem: 'unexpected_end' }
 * jsonSyntaxError('{"a": 1}')          // undefined
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const at = (offset: number, problem: JsonSyntaxProblem): JsonSyntaxError => {
    const before = text.slice(0, offset);
    const nl = before.lastIndexOf('\n');
    let line = 1;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
    return { offset, line, column: offset - nl, problem };
  };
  const n = text.length;
  const ws = (i: number): number => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
    return i;
  };
  /** The offset after the string starting at `i` (a quote), or its error. */
  const string = (i: number): number | JsonSyntaxError => {
    for (let j = i + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) return at(j, 'control_character');
      if (c === 0x5c) {
        const e = text[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return at(j, 'bad_escape');
          j += 5;
        } else if (e !== undefined && ESCAPES.has(e)) j++;
        else return at(j, e === undefined ? 'unterminated_string' : 'bad_escape');
      }
    }
    return at(n, 'unterminated_string');
  };

  const stack: ('{' | '[')[] = [];
  let state: 'value' | 'key' | 'after' = 'value';
  let i = 0;
  for (;;) {
    i = ws(i);
    if (state === 'value') {
      if (i >= n) return at(i, 'unexpected_end');
      const c = text[i]!;
      if (c === '{' || c === '[') {
        stack.push(c);
        i = ws(i + 1);
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"') {
        const end = string(i);
        if (typeof end !== 'number') return end;
        i = end;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return at(i, 'bad_number');
        i = NUMBER.lastIndex;
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return at(i, 'unexpected_character');
        i += word.length;
      }
      state = 'after';
    } else if (state === 'key') {
      if (i >= n) return at(i, 'unexpected_end');
      if (text[i] !== '"') return at(i, 'expected_key');
      const end = string(i);
      if (typeof end !== 'number') return end;
      i = ws(end);
      if (i >= n) return at(i, 'unexpected_end');
      if (text[i] !== ':') return at(i, 'expected_colon');
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i >= n ? undefined : at(i, 'text_after_end');
      if (i >= n) return at(i, 'unexpected_end');
      const c = text[i];
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return at(i, 'expected_comma');
    }
  }
}
