// Web pages of reports as the national form prints them, for the import tests: the title and
// section headings, paragraphs, and each table with the form's merged cells (rowspan, colspan),
// built from a report's own text by the export's document model. Word debris stays in: a
// "[bookmark: x]" becomes the bookmark it was (<a name="x">), 窗体顶端 and page numbers stay text.
import assert from 'node:assert/strict';
import { buildReport, check, looksNumeric, type FormGrid } from '../../server/src/engine';
import { reportBlocks } from '../../server/src/word/document';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const withBookmarks = (s: string) => escape(s).replace(/\[bookmark: ?([^\]]*)\]/g, (_, name: string) => `<a name="${name}"></a>`);

function tableHtml(grid: FormGrid): string {
  const rows = grid.rows.map(cells => `<tr>${cells.map(c => {
    const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
    return `<td${spans}>${withBookmarks(c.text)}</td>`;
  }).join('')}</tr>`);
  return `<table border="1" cellspacing="0">\n${rows.join('\n')}\n</table>`;
}

/**
 * The report as an HTML page. `headings: 'tags'` marks the title and section headings with
 * <h1>/<h2>, as a page written by hand does; 'bold' writes them as bold paragraphs, as most
 * published pages and Word documents do.
 */
export function reportPage(text: string, headings: 'tags' | 'bold'): string {
  const body = reportBlocks(buildReport(text)).map(b => {
    if (b.kind === 'table') return tableHtml(b.grid);
    const t = withBookmarks(b.text);
    if (b.kind === 'title') return headings === 'tags' ? `<h1>${t}</h1>` : `<p align="center"><b>${t}</b></p>`;
    if (b.kind === 'heading') return headings === 'tags' ? `<h2>${t}</h2>` : `<p><strong>${t}</strong></p>`;
    return `<p>${t}</p>`;
  });
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年度报告</title></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}

/**
 * A report's findings as the import must keep them: code and message (a line a message names
 * counted as "N", since the import moves lines), without the layout notes (the import writes tab
 * rows) and the debris (the import leaves it out), sorted.
 */
export function keptFindings(text: string): string[] {
  return check(text).diagnostics
    .filter(d => d.code !== 'table-layout' && d.code !== 'conversion-artifact')
    .map(d => `${d.severity} ${d.code} ${d.message.replace(/第 \d+ 行/g, '第 N 行')}`)
    .sort();
}

/** Every number in the report's tables, in reading order. */
export function tableNumbers(text: string): string[] {
  return buildReport(text).regions.flatMap(r => r.rows.flatMap(row => row.cells.map(c => c.text.trim()).filter(looksNumeric)));
}

/** The imported report keeps the original's findings and numbers, and has no debris or layout left to fix. */
export function assertImportKeeps(original: string, markdown: string) {
  assert.deepEqual(keptFindings(markdown), keptFindings(original));
  assert.deepEqual(tableNumbers(markdown), tableNumbers(original));
  const report = buildReport(markdown);
  assert.ok(report.tables.length >= 3, 'three tables');
  assert.ok(report.regions.every(r => r.layout === 'tab'), 'tab rows');
  assert.ok(!/窗体|\[bookmark/.test(markdown), 'no debris');
  assert.equal(report.lines.line(report.title!.line), `# ${report.title!.text}`);
  for (const h of report.headings) assert.match(report.lines.line(h.line), /^## /);
}
