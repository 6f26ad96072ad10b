// `nianbao summary` output: the same rows as Markdown, CSV or JSON. Column order and headings come
// from SUMMARY_COLUMNS, which the 年报汇总 view shows too.
import { stringify } from 'csv-stringify/sync';
import { markdownTable } from 'markdown-table';
import stringWidth from 'string-width';
import { SUMMARY_COLUMNS, type SummaryRow } from './protocol';

export type SummaryFormat = 'md' | 'csv' | 'json';
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ['md', 'csv', 'json'];

/** The documented JSON shape: the row's fields in column order, nothing else. */
export function summaryJson(rows: SummaryRow[]): string {
  const reports = rows.map(r => Object.fromEntries(SUMMARY_COLUMNS.map(c => [c.key, r[c.key]])));
  return JSON.stringify({ reports }) + '\n';
}

/**
 * For Excel and WPS: UTF-8 with a BOM (without it both read the Chinese as the local code page),
 * CRLF, one header row, quoting where needed; a cell that would start a formula is escaped.
 */
export function summaryCsv(rows: SummaryRow[]): string {
  return stringify(rows.map(r => SUMMARY_COLUMNS.map(c => r[c.key])), {
    bom: true,
    header: true,
    columns: SUMMARY_COLUMNS.map(c => c.title),
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

/** A GitHub-flavoured table, aligned for a terminal (a Chinese character is two columns wide). */
export function summaryMarkdown(rows: SummaryRow[]): string {
  const cell = (v: SummaryRow[keyof SummaryRow]) => (v === null ? '—' : String(v).replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' '));
  const table = markdownTable(
    [SUMMARY_COLUMNS.map(c => c.title), ...rows.map(r => SUMMARY_COLUMNS.map(c => cell(r[c.key])))],
    { align: SUMMARY_COLUMNS.map(c => (c.numeric ? 'r' : 'l')), stringLength: stringWidth },
  );
  return table + '\n';
}

export function formatSummary(rows: SummaryRow[], format: SummaryFormat): string {
  return format === 'json' ? summaryJson(rows) : format === 'csv' ? summaryCsv(rows) : summaryMarkdown(rows);
}
