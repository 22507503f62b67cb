/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)`, `+1+1`, `-2+3`, `@SUM(1+1)`).
 * Every CSV cell we write goes through {@link neutraliseFormula}, which puts a single quote `'` in
 * front of such a value, the way OWASP recommends; spreadsheets then show the text as typed.
 *
 * So that what we write reads back equal, a value that itself starts with `'` gets one more `'`,
 * and our reader ({@link restoreFormula}) removes exactly one leading `'` when it is followed by one
 * of those characters or by another `'`. The pair is a bijection: `restoreFormula(neutraliseFormula(v)) === v`
 * for every string `v`, ids such as `-12` or `+86…` included. A cell written by someone else that
 * starts with `'=` (or `''`) loses that first quote when we read it: the one reading we could not
 * make both safe and lossless, and documented as such.
 */

/** The first characters that make a spreadsheet read a cell as a formula (OWASP's list). */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

const ESCAPED = new Set([...FORMULA_TRIGGERS, "'"]);

/**
 * The value as it may safely start a CSV cell: `'` prefixed when it starts like a formula or with `'`.
 *
 * @example
 * neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * neutraliseFormula('-12')                    // "'-12"
 * neutraliseFormula('C-12')                   // "C-12"
 */
export function neutraliseFormula(value: string): string {
  return value.length > 0 && ESCAPED.has(value[0]!) ? `'${value}` : value;
}

/**
 * The value of a cell as {@link neutraliseFormula} wrote it: one leading `'` removed when a formula
 * character or another `'` follows it.
 *
 * @example
 * restoreFormula("'=1+1") // "=1+1"
 * restoreFormula("'abc")  // "'abc"
 */
export function restoreFormula(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && ESCAPED.has(cell[1]!) ? cell.slice(1) : cell;
}
