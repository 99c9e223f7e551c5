// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); tab and
// carriage return are on the list because some programs strip them and read what follows.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage
 * return gets an apostrophe in front, so the cell shows as text and never runs.
 *
 * @example
 * ```ts
 * guardFormula('=HYPERLINK("http://x")'); // '\'=HYPERLINK("http://x")'
 * ```
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a quote,
 * a comma or a line break.
 *
 * @example
 * ```ts
 * csvField('A, "B"'); // '"A, ""B"""'
 * ```
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text field that comes from people (a name, a code): guarded against formulas, then quoted.
 * Numbers the report formats itself go through {@link csvField} alone.
 *
 * @example
 * ```ts
 * csvText('+86 park'); // "'+86 park"
 * ```
 */
export function csvText(value: string): string {
  return csvField(guardFormula(value));
}

/**
 * A CSV document: UTF-8 byte order mark first (spreadsheet programs in China read a file
 * without it in the local code page and garble the Chinese), CRLF after every record.
 *
 * @example
 * ```ts
 * csvDocument([['a', 'b'], ['1', '2']]); // '\uFEFFa,b\r\n1,2\r\n'
 * ```
 */
export function csvDocument(records: readonly (readonly string[])[]): string {
  return `\uFEFF${records.map((fields) => `${fields.join(',')}\r\n`).join('')}`;
}
