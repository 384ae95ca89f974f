/**
 * CSV tables through csv-stringify (a maintained writer: quoting, embedded quotes and line breaks are its job),
 * with every text cell neutralised against formula injection first. The browser build of its sync API is used so
 * the core stays browser-safe (the Node build reads the global `Buffer` when it loads).
 *
 * @module
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { safeCsvCell } from './escape.js';

/** One tidy table: a header of stable column keys and rows of plain values. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/**
 * The table as RFC 4180 CSV (comma, `\n` line ends, quotes where needed), every text cell made safe.
 *
 * @example tableToCsv({ columns: ['name'], rows: [['=1+1']] }) === "name\n'=1+1\n"
 */
export function tableToCsv(table: CsvTable): string {
  const records = [table.columns.map(safeCsvCell), ...table.rows.map((r) => r.map(safeCsvCell))];
  return stringify(records as (string | number)[][], { record_delimiter: 'unix', eof: true });
}
