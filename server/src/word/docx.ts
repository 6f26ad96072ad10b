// The report as a .docx in the usual layout of official documents (GB/T 9704-2012): A4, a
// 156 × 225 mm text block, title in 小标宋 二号 centred, section headings in 黑体 三号, body in
// 仿宋 三号 with a two-character first-line indent at 22 lines a page, page numbers "— 1 —"
// in the footer, outside edge; each table drawn as the national form, merged cells and all.
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type IParagraphOptions, type IRunOptions,
} from 'docx';
import type { FormCell, FormGrid } from '../engine';
import type { TextKind, WordBlock } from './document';

const mm = (n: number) => Math.round((n * 1440) / 25.4);
/** Font sizes in half-points, by their Chinese names. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 五号: 21, 小五: 18 } as const;

// The fonts official documents name, with what Word takes where one is missing (fontTable.xml's
// altName; LibreOffice falls back by language to a CJK font of its own).
const FONTS = [
  { name: '方正小标宋简体', alt: '宋体', family: 'roman' },
  { name: '黑体', alt: 'SimHei', family: 'modern' },
  { name: '楷体_GB2312', alt: '楷体', family: 'modern' },
  { name: '仿宋_GB2312', alt: '仿宋', family: 'modern' },
  { name: '宋体', alt: 'SimSun', family: 'auto' },
  { name: 'Times New Roman', family: 'roman' },
] as const;

type FontName = (typeof FONTS)[number]['name'];
const font = (eastAsia: FontName, latin: FontName = 'Times New Roman') => ({ eastAsia, ascii: latin, hAnsi: latin });

function fontTable(): string {
  const fonts = FONTS.map(f => `<w:font w:name="${f.name}">${'alt' in f ? `<w:altName w:val="${f.alt}"/>` : ''}` +
    `<w:charset w:val="${f.name === 'Times New Roman' ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`);
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}

/** 22 lines to the 225 mm text block. */
const LINE = Math.round(mm(225) / 22);
/** Two characters of 三号 (16 pt). */
const INDENT = 2 * 16 * 20;

const STYLES: Record<TextKind, { run: IRunOptions; paragraph: Partial<IParagraphOptions> }> = {
  title: { run: { font: font('方正小标宋简体'), size: SIZE.二号 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: LINE } } },
  heading: { run: { font: font('黑体'), size: SIZE.三号 }, paragraph: { indent: { firstLine: INDENT }, keepNext: true } },
  subheading: { run: { font: font('楷体_GB2312'), size: SIZE.三号 }, paragraph: { indent: { firstLine: INDENT }, keepNext: true } },
  paragraph: { run: {}, paragraph: { indent: { firstLine: INDENT }, alignment: AlignmentType.JUSTIFIED } },
  // The date under the report, right-aligned four characters in.
  date: { run: {}, paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 2 * INDENT } } },
};

function textParagraph(kind: TextKind, text: string, pageBreakBefore = false): Paragraph {
  const style = STYLES[kind];
  return new Paragraph({ ...style.paragraph, pageBreakBefore, children: [new TextRun({ ...style.run, text })] });
}

/** A form taller than this (表三) takes most of a page: its heading starts a new page, so the form is printed whole. */
const TALL_FORM = 20;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
/** The text block's width, which the tables fill. */
const WIDTH = mm(156);

/** Label columns take a share of the width (the last, with the longest labels, most of it); value columns share the rest. */
function columnWidths(grid: FormGrid, form: boolean): number[] {
  const labels = form ? Math.max(0, ...grid.rows.flat().filter(c => c.kind === 'label').map(c => c.col + c.colSpan)) : 0;
  const values = grid.width - labels;
  const labelShare = labels === 0 ? 0 : labels === 1 ? 0.4 : 0.5;
  const weights = Array.from({ length: labels }, (_, i) => i + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = [...weights.map(w => (labelShare * w) / total), ...Array.from({ length: values }, () => (1 - labelShare) / values)];
  return shares.map(share => Math.round(share * WIDTH));
}

/** The header rows of a form: its first rows, as long as they hold no row label or value (表三's and 表四's, not 表二's captions). */
function headerRows(grid: FormGrid): number {
  let n = 0;
  while (n < grid.rows.length && grid.rows[n].every(c => c.kind === 'header' || c.kind === 'group' || (c.kind === 'caption' && c.rowSpan > 1))) n++;
  return n;
}

function cellParagraph(cell: FormCell, size: number, keepNext: boolean): Paragraph {
  return new Paragraph({
    keepNext,
    alignment: cell.kind === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text: cell.text, font: font('宋体'), size })],
  });
}

function table(grid: FormGrid, form: boolean): Table {
  const widths = columnWidths(grid, form);
  const size = grid.width > 5 ? SIZE.小五 : SIZE.五号;
  const header = form ? headerRows(grid) : 0;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { left: mm(1), right: mm(1), top: 0, bottom: 0 },
    rows: grid.rows.map((cells, r) => new TableRow({
      tableHeader: r < header,
      cantSplit: true,
      children: cells.map(c => new TableCell({
        rowSpan: c.rowSpan,
        columnSpan: c.colSpan,
        verticalAlign: VerticalAlignTable.CENTER,
        width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
        // Word keeps a form on one page with its heading where it fits, as the national form is printed.
        children: [cellParagraph(c, size, form && r < grid.rows.length - 1)],
      })),
    })),
  });
}

/** "— 1 —" in 宋体 四号, one character in from the outside edge: the right on odd pages, the left on even ones. */
function pageNumber(side: 'odd' | 'even'): Footer {
  const run = { font: font('宋体', '宋体'), size: SIZE.四号 };
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: 28 * 20 } : { left: 28 * 20 },
      children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
    })],
  });
}

/** The blocks as a .docx file. */
export async function docxOf(blocks: WordBlock[]): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'table') {
      const next = blocks[i + 1];
      children.push(textParagraph(b.kind, b.text, b.kind === 'heading' && next?.kind === 'table' && next.form && next.grid.rows.length > TALL_FORM));
      return;
    }
    children.push(table(b.grid, b.form));
    // Word runs a table into the next one unless a paragraph stands between them.
    children.push(new Paragraph({ children: [] }));
  });
  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('仿宋_GB2312'), size: SIZE.三号, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: mm(210), height: mm(297) },
          margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(21), header: mm(15) },
        },
      },
      footers: { default: pageNumber('odd'), even: pageNumber('even') },
      children,
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
