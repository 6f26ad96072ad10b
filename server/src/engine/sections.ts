// Finds the six section headings, the sub-items that borrow top-level ordinals, the title and
// the report year, from the lines outside tables.
import { BOOKMARK, chineseNumeral, normalizeLabel, similarity, type LineIndex } from './text';
import { SECTIONS, type SectionDef } from './template';
import { BoundedCache } from './caches';

export type OrdinalKind = 'chinese' | 'arabic' | 'lost' | 'none' | 'sub';

/** A line read as "[#…] [ordinal] words", with offsets of its parts. */
export interface HeadingLine {
  line: number;
  /** Offset where the heading text (ordinal included) starts and ends, Markdown marker and debris excluded. */
  start: number;
  end: number;
  markdown: boolean;
  ordinalKind: OrdinalKind;
  ordinal?: number;
  /** Offsets of the ordinal with its 顿号, for renumbering. */
  ordinalStart: number;
  ordinalEnd: number;
  /** The ordinal as written, white space removed ("五、", "5、", "、"). */
  ordinalText: string;
  words: string;
}

export interface SectionHeading extends HeadingLine {
  section: SectionDef;
  /** The heading text equals the standard one (after normalisation). */
  standard: boolean;
}

const ORDINAL = /^([一二三四五六七八九十]{1,3})\s*[、，,.．]\s*/;
const SUB_ORDINAL = /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]/;
const ARABIC = /^([0-9０-９]{1,2})\s*[、.．]\s*/;
const LOST = /^[、，]\s*/;

export function readHeadingLine(lines: LineIndex, line: number): HeadingLine | undefined {
  const raw = lines.line(line);
  if (raw.length > 120 || raw.includes('\t')) return undefined;
  const base = lines.starts[line];
  let i = 0;
  const skip = (re: RegExp) => { const m = re.exec(raw.slice(i)); if (m) i += m[0].length; return m; };
  skip(/^\s*/);
  const markdown = skip(/^#{1,6}\s+/) !== null;
  skip(/^(\s|\*\*|__|\[bookmark:[^\]\n]*\])*/);
  const ordinalStart = i;
  let ordinalKind: OrdinalKind = 'none';
  let ordinal: number | undefined;
  let m: RegExpExecArray | null;
  if (SUB_ORDINAL.test(raw.slice(i))) ordinalKind = 'sub';
  else if ((m = skip(ORDINAL))) { ordinalKind = 'chinese'; ordinal = chineseNumeral(m[1]); }
  else if ((m = skip(ARABIC))) { ordinalKind = 'arabic'; ordinal = Number(m[1].normalize('NFKC')); }
  else if (skip(LOST)) ordinalKind = 'lost';
  const ordinalEnd = i;
  let end = raw.length;
  while (end > i && /[\s*_#：:。.]/.test(raw[end - 1])) end--;
  const words = raw.slice(i, end).replace(BOOKMARK, '');
  if (words === '' && ordinalKind === 'none') return undefined;
  return {
    line, start: base + ordinalStart, end: base + end, markdown, ordinalKind, ordinal,
    ordinalStart: base + ordinalStart, ordinalEnd: base + ordinalEnd, ordinalText: raw.slice(ordinalStart, ordinalEnd).replace(/\s+/g, ''), words,
  };
}

interface SectionScore { exact: boolean; variant: boolean; keyword: boolean; sim: number }

// Every prose line of every version is a heading candidate, and the same words recur (the
// template's, report after report; every unchanged line on a re-check): scores are kept per words.
const sectionScores = new BoundedCache<string, SectionScore[]>(5000);

function scoreSection(words: string, s: SectionDef): SectionScore {
  const w = normalizeLabel(words);
  const exact = w === normalizeLabel(s.title);
  const variant = s.variants.some(v => normalizeLabel(v) === w);
  const keyword = s.keywords.some(k => w.includes(normalizeLabel(k)));
  const sim = Math.max(similarity(w, normalizeLabel(s.title)), ...s.variants.map(v => similarity(w, normalizeLabel(v))));
  return { exact, variant, keyword, sim };
}

/**
 * Whether a line is the heading of one of the six sections. Words decide, the ordinal only
 * breaks ties: "一、主动公开情况" inside 总体情况 is a sub-item, not section 二.
 */
export function sectionOf(h: HeadingLine): SectionHeading | undefined {
  if (h.ordinalKind === 'sub' || h.words.length > 40 || /[。；;]/.test(h.words)) return undefined;
  let best: { s: SectionDef; sim: number; exact: boolean } | undefined;
  const scores = sectionScores.memo(h.words, words => SECTIONS.map(s => scoreSection(words, s)));
  for (const [i, s] of SECTIONS.entries()) {
    const sc = scores[i];
    const named = sc.exact || sc.variant;
    const ordinalAgrees = h.ordinal === s.index;
    let ok: boolean;
    switch (h.ordinalKind) {
      case 'chinese':
      case 'arabic': ok = named || (ordinalAgrees && (sc.keyword || sc.sim >= 0.6)); break;
      case 'lost': ok = named || (sc.keyword && sc.sim >= 0.5); break;
      default: ok = named && (h.markdown || h.words.length <= 20);
    }
    if (ok && (!best || sc.sim > best.sim)) best = { s, sim: sc.sim, exact: sc.exact };
  }
  if (!best) return undefined;
  const standard = best.exact && h.ordinalKind === 'chinese' && h.ordinal === best.s.index && h.ordinalText === `${best.s.ordinal}、`;
  return { ...h, section: best.s, standard };
}

export interface Title { line: number; start: number; end: number; text: string; year?: number }

const TITLE_WORDS = /政府信息公开/;
const REPORT_WORDS = /年度报告|年报/;
const YEAR = /((?:19|20)\d{2})\s*年/;

function yearIn(s: string): number | undefined {
  const m = YEAR.exec(s.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

export interface Outline {
  title?: Title;
  /** Later lines repeating the title. */
  repeatedTitles: Title[];
  year: number | null;
  yearFromTitle: boolean;
  headings: SectionHeading[];
  /** Lines inside a section that use a top-level ordinal (一、二、) for a sub-item. */
  subItems: HeadingLine[];
}

/** Reads the outline from the lines that are not in a table. */
export function readOutline(lines: LineIndex, proseLines: number[]): Outline {
  const headings: SectionHeading[] = [];
  const subItems: HeadingLine[] = [];
  let title: Title | undefined;
  const repeatedTitles: Title[] = [];
  for (const n of proseLines) {
    const h = readHeadingLine(lines, n);
    if (!h) continue;
    const text = lines.line(n).replace(BOOKMARK, '').replace(/^\s*#{1,6}\s+/, '').replace(/\*\*/g, '').trim();
    if (TITLE_WORDS.test(text) && REPORT_WORDS.test(text) && text.length <= 60 && !/[。；]/.test(text)) {
      const t: Title = { line: n, start: lines.starts[n] + lines.line(n).indexOf(text), end: 0, text, year: yearIn(text) };
      t.end = t.start + text.length;
      if (!title && headings.length === 0) { title = t; continue; }
      if (title && normalizeLabel(text) === normalizeLabel(title.text)) { repeatedTitles.push(t); continue; }
    }
    const s = sectionOf(h);
    if (s) headings.push(s);
    // A bare "三、" is a heading still being typed, not yet a misnumbered sub-item.
    else if (h.ordinalKind === 'chinese' && headings.length > 0 && h.words.trim() !== '') subItems.push(h);
  }
  let year = title?.year ?? null;
  const yearFromTitle = year !== null;
  if (year === null) year = yearFromDateLine(lines, proseLines);
  return { title, repeatedTitles, year, yearFromTitle, headings, subItems };
}

const DATE_LINE = /^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$/;

/** A report is dated the January–March after its year. */
function yearFromDateLine(lines: LineIndex, proseLines: number[]): number | null {
  for (let k = proseLines.length - 1, seen = 0; k >= 0 && seen < 15; k--) {
    const s = lines.line(proseLines[k]).normalize('NFKC');
    if (s.trim() === '') continue;
    seen++;
    const m = DATE_LINE.exec(s);
    if (m) return Number(m[1]) - 1;
  }
  return null;
}
