// A Word document (.docx, read by mammoth) or a saved web page (.html/.htm) as a report in the
// project's Markdown: the title as "#", the section headings as "##" (in standard wording when
// only their marks differ, else as written so the checker can flag them), paragraphs one a line,
// each statistics table in the layout "插入表三" writes, and the Word debris left out.
import mammoth from 'mammoth';
import path from 'node:path';
import { buildReport, gridTable, standardHeading, type Report, type Row, type TableRegion } from '../engine';
import { htmlBlocks, type HtmlBlock } from './html';
import { filledForm } from './tables';
import { readingOrder, withoutDebris } from './document';

/** Input that cannot be imported; the message is for the user. */
export class ImportError extends Error {}

export const IMPORT_EXTENSIONS = ['.docx', '.html', '.htm'];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

async function docxHtml(bytes: Uint8Array): Promise<string> {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportError('这是旧版 Word 文档（Word 97-2003 的 .doc 格式）：请先在 Word 或 WPS 中“另存为” .docx 再导入');
  }
  if (!startsWith(bytes, [0x50, 0x4b])) throw new ImportError('不是有效的 .docx 文件（.docx 是 zip 压缩包，此文件不是）');
  try {
    return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (err) {
    throw new ImportError(`无法读取 Word 文档：${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * A page's text: UTF-8 or UTF-16 as its byte-order mark says, else UTF-8 if it is that, else
 * GB18030 (which reads GBK and GB2312), the encodings Chinese sites publish in.
 */
function pageHtml(bytes: Uint8Array): string {
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 'utf-8' : startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  for (const encoding of bom ? [bom] : ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch { /* the next encoding */ }
  }
  throw new ImportError(`网页文件的编码无法识别（${bom ?? '既不是 UTF-8，也不是 GBK/GB18030'}）`);
}

/** The report in a .docx, .html or .htm file (`name` tells which), as Markdown. */
export async function importReport(bytes: Uint8Array, name: string): Promise<string> {
  const ext = path.extname(name).toLowerCase();
  if (!IMPORT_EXTENSIONS.includes(ext)) throw new ImportError(`只能导入 .docx、.html 或 .htm 文件，不能导入「${path.basename(name)}」`);
  return reportMarkdown(htmlBlocks(ext === '.docx' ? await docxHtml(bytes) : pageHtml(bytes)));
}

// A heading of the page is marked as a Markdown heading below the levels the report's own take,
// so the outline reads it as one; title and section headings get their levels afterwards.
const PAGE_HEADING = '### ';

/** A table row as a tab row; a one-cell row gets a second cell, since a line without a tab ends a table. */
const tabRow = (cells: string[]) => (cells.length > 1 ? cells : [...cells, '']).join('\t');

function draft(blocks: HtmlBlock[]): string {
  return blocks.map(b => {
    if (b.kind === 'table') return b.rows.map(tabRow).join('\n');
    const text = b.text.replace(/\t/g, ' ');
    return b.heading ? `${PAGE_HEADING}${text}` : text;
  }).join('\n\n');
}

/** A region's lines with each table the matcher read completely written as its filled-in form. */
function regionLines(report: Report, region: TableRegion): string[] {
  const forms = new Map<Row, string>();
  const covered = new Set<Row>();
  for (const t of report.tables) {
    const form = t.regions.includes(region) ? filledForm(t) : undefined;
    if (!form) continue;
    forms.set(t.rows[0], gridTable(form, c => c.text));
    for (const r of t.rows) covered.add(r);
  }
  const out: string[] = [];
  for (const row of region.rows) {
    const form = forms.get(row);
    if (form !== undefined) out.push(form);
    else if (!covered.has(row)) for (let n = row.firstLine; n <= row.lastLine; n++) out.push(report.lines.line(n));
  }
  return out;
}

/** The blocks of a page as a report in the project's Markdown. */
export function reportMarkdown(blocks: HtmlBlock[]): string {
  const report = buildReport(withoutDebris(draft(blocks)));
  const sections = new Map(report.headings.map(h => [h.line, h]));
  const out: string[] = [];
  for (const { region, line } of readingOrder(report)) {
    if (region) {
      out.push(...regionLines(report, region));
      continue;
    }
    const raw = report.lines.line(line);
    const written = raw.startsWith(PAGE_HEADING) ? raw.slice(PAGE_HEADING.length) : raw;
    const heading = sections.get(line);
    if (line === report.title?.line) out.push(`# ${report.title.text}`);
    else if (heading) out.push(`## ${heading.standard ? standardHeading(heading.section) : written.trim()}`);
    else out.push(raw);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
