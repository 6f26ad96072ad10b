// Rewrites of a report that change no number: what an editor's "trim trailing whitespace", a
// retyped caption, a converter's layout or a Windows editor does to real text. Each is a plain
// text transform, written without the engine, so a test can hold the engine to "the same
// findings before and after".

export type Rewrite = (text: string) => string;

const lines = (text: string) => text.split('\n');
const CAPTION = /^第二十条第[（(][一二三四五六七八九十]+[）)]项$/;
const GROUP_HEADERS = new Set(['申请人情况', '法人或其他组织', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);

/** The non-empty cells of a tab or pipe line, trimmed. */
const filledCells = (line: string) => line.split(/\t|\|/).map(c => c.trim()).filter(c => c !== '');

/** A 表二 block caption standing alone on its line, in any layout. */
const captionOf = (line: string) => {
  const cells = filledCells(line);
  return cells.length === 1 && CAPTION.test(cells[0]) ? cells[0] : undefined;
};

export const REWRITES: Record<string, Rewrite> = {
  /** VS Code's files.trimTrailingWhitespace on save. */
  'trailing whitespace trimmed': text => lines(text).map(l => l.replace(/[ \t]+$/, '')).join('\n'),
  'captions as plain lines': text => lines(text).map(l => captionOf(l) ?? l).join('\n'),
  'captions as Markdown headings': text => lines(text).map(l => { const c = captionOf(l); return c ? `#### ${c}` : l; }).join('\n'),
  'captions between blank lines': text => lines(text).flatMap(l => { const c = captionOf(l); return c ? ['', c, ''] : [l]; }).join('\n'),
  'no blank lines at all': text => lines(text).filter(l => l !== '').join('\n'),
  /** The group cells above the leaf columns of 表三 and 表四 left out; a header row left empty goes. */
  'group headers left out': text => lines(text).flatMap(l => {
    if (!l.includes('\t') && !l.includes('|')) return [l];
    const sep = l.includes('\t') ? '\t' : '|';
    const cells = l.split(sep);
    if (!cells.some(c => GROUP_HEADERS.has(c.trim()))) return [l];
    const kept = cells.map(c => (GROUP_HEADERS.has(c.trim()) ? '' : c));
    return filledCells(kept.join(sep)).length === 0 ? [] : [kept.join(sep)];
  }).join('\n'),
  'CRLF line breaks': text => text.replace(/\r?\n/g, '\r\n'),
};
