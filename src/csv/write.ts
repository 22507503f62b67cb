/**
 * Writing CSV (RFC 4180): records end with CRLF, a cell is quoted when it holds a quote, a comma,
 * a CR or a LF (quotes doubled inside), and every cell is first neutralised against formula
 * injection ({@link neutraliseFormula}). Every CSV the project writes goes through here.
 */
import { neutraliseFormula } from './formula.js';

/** The record separator of RFC 4180 (section 2.1). */
export const CSV_EOL = '\r\n';

/**
 * One cell: neutralised, then quoted if it must be.
 *
 * @example
 * csvCell('a,"b"') // "\"a,\"\"b\"\"\""
 * csvCell('+1+1')  // "'+1+1"
 */
export function csvCell(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * One record, without its line end. A record of one empty or blank cell is quoted, so that the
 * reader does not take it for a blank line.
 *
 * @example
 * csvRecord(['C1', '安岳县\n人民医院', '1.00']) // "C1,\"安岳县\n人民医院\",1.00"
 */
export function csvRecord(values: readonly string[]): string {
  const line = values.map(csvCell).join(',');
  return values.length === 1 && /^[ \t]*$/.test(line) ? `"${values[0]}"` : line;
}

/**
 * A whole CSV text: the header, then the records, each ended by CRLF.
 *
 * @example
 * csvText(['id', 'amount'], [['C1', '1.00']]) // "id,amount\r\nC1,1.00\r\n"
 */
export function csvText(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((r) => `${csvRecord(r)}${CSV_EOL}`).join('');
}
