// Finds the six section headings, the sub-items that borrow top-level ordinals, the title and
// the report year, from the lines outside tables.
import { BOOKMARK, CHINESE_YEAR, chineseNumeral, chineseYear, normalizeLabel, normalizeTemplateLabel, similarity, unchangedMove, type LineChange, type LineIndex, type Move } from './text';
import { SECTIONS, type SectionDef } from './template';
import { isDirectiveLine } from './directives';
import { BoundedCache, ownString } from './caches';

type OrdinalKind = 'chinese' | 'arabic' | 'lost' | 'none' | 'sub';

/** A line read as "[#…] [ordinal] words", with offsets of its parts. */
interface HeadingLine {
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

// Sticky: each is tried at a position of the line, so no part of the line is copied to try it.
const SPACE = /\s*/y;
const MARKDOWN = /#{1,6}\s+/y;
const DEBRIS = /(\s|\*\*|__|\[bookmark:[^\]\n]*\])*/y;
// "一、", "一．", "一 " (a space for the mark), and "第一部分" as some reports number their six parts.
const ORDINAL = /(?:第\s*([一二三四五六七八九十]{1,3})\s*部分\s*[、，,.．:：]?|([一二三四五六七八九十]{1,3})(?:\s*[、，,.．]|(?=\s)))\s*/y;
const SUB_ORDINAL = /[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]/y;
const ARABIC = /([0-9０-９]{1,2})\s*[、.．]\s*/y;
const LOST = /[、，]\s*/y;
const TRAILING = /[\s*_#：:。.]/;

/** The match of sticky `re` at `at` in `s`, or null. */
function at(re: RegExp, s: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(s);
}

export function readHeadingLine(lines: LineIndex, line: number): HeadingLine | undefined {
  const raw = lines.line(line);
  if (raw.length > 120 || raw.includes('\t')) return undefined;
  const base = lines.starts[line];
  let i = at(SPACE, raw, 0)![0].length;
  const markdown = at(MARKDOWN, raw, i);
  if (markdown) i += markdown[0].length;
  i += at(DEBRIS, raw, i)![0].length;
  const ordinalStart = i;
  let ordinalKind: OrdinalKind = 'none';
  let ordinal: number | undefined;
  let m: RegExpExecArray | null = null;
  if (at(SUB_ORDINAL, raw, i)) ordinalKind = 'sub';
  else if ((m = at(ORDINAL, raw, i))) { ordinalKind = 'chinese'; ordinal = chineseNumeral(m[1] ?? m[2]); }
  else if ((m = at(ARABIC, raw, i))) { ordinalKind = 'arabic'; ordinal = Number(m[1].normalize('NFKC')); }
  else if ((m = at(LOST, raw, i))) ordinalKind = 'lost';
  if (m && ordinalKind !== 'sub') i += m[0].length;
  const ordinalEnd = i;
  let end = raw.length;
  while (end > i && TRAILING.test(raw[end - 1])) end--;
  // Copies: a reading outlives its document version when a re-check reuses it.
  const words = ownString(raw.slice(i, end).replace(BOOKMARK, ''));
  if (words === '' && ordinalKind === 'none') return undefined;
  return {
    line, start: base + ordinalStart, end: base + end, markdown: markdown !== null, ordinalKind, ordinal,
    ordinalStart: base + ordinalStart, ordinalEnd: base + ordinalEnd, ordinalText: ownString(raw.slice(ordinalStart, ordinalEnd).replace(/\s+/g, '')), words,
  };
}

interface SectionScore { exact: boolean; variant: boolean; keyword: boolean; sim: number }

// Every prose line of every version is a heading candidate, and the same words recur (the
// template's, report after report; every unchanged line on a re-check): scores are kept per words.
const sectionScores = new BoundedCache<string, SectionScore[]>(5000);

function scoreSection(words: string, s: SectionDef): SectionScore {
  const w = normalizeLabel(words);
  const exact = w === normalizeTemplateLabel(s.title);
  const variant = s.variants.some(v => normalizeTemplateLabel(v) === w);
  const keyword = s.keywords.some(k => w.includes(normalizeTemplateLabel(k)));
  const sim = Math.max(similarity(w, normalizeTemplateLabel(s.title)), ...s.variants.map(v => similarity(w, normalizeTemplateLabel(v))));
  return { exact, variant, keyword, sim };
}

/** Words a heading can have: short, with no sentence in them. */
export function isHeadingWords(words: string): boolean {
  return words.length <= 40 && !/[。；;]/.test(words);
}

/** A heading's words before a colon that has words after it. */
export function titleWords(words: string): string {
  const at = words.search(/[：:]/);
  return at > 0 && words.slice(at + 1).trim() !== '' ? words.slice(0, at) : words;
}

/**
 * Whether a line is the heading of one of the six sections. Words decide, the ordinal only
 * breaks ties: "一、主动公开情况" inside 总体情况 is a sub-item, not section 二.
 */
export function sectionOf(h: HeadingLine): SectionHeading | undefined {
  // What follows a colon is the section's first words ("五、存在的主要问题及改进情况：无"), not its title.
  const title = titleWords(h.words);
  if (h.ordinalKind === 'sub' || !isHeadingWords(title)) return undefined;
  let best: { s: SectionDef; sim: number; exact: boolean } | undefined;
  const scores = sectionScores.memo(title, words => SECTIONS.map(s => scoreSection(words, s)));
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
// "…工作年度报告", "…年报", and "2024年度…工作报告" as many organs title theirs.
const REPORT_WORDS = /年度报告|年报|工作报告/;
const YEAR = /((?:19|20)\d{2})\s*年/;
const YEAR_IN_CHINESE = new RegExp(`(${CHINESE_YEAR})\\s*年`);

function yearIn(s: string): number | undefined {
  const m = YEAR.exec(s.normalize('NFKC'));
  if (m) return Number(m[1]);
  const c = YEAR_IN_CHINESE.exec(s);
  const year = c ? chineseYear(c[1]) : NaN;
  return year >= 1990 && year <= 2099 ? year : undefined;
}

export interface Outline {
  title?: Title;
  /** Later lines repeating the title. */
  repeatedTitles: Title[];
  year: number | null;
  yearFromTitle: boolean;
  /** The year is only the one 一、总体情况 speaks of most: good enough to choose a format, not to call another year wrong. */
  yearGuessed: boolean;
  headings: SectionHeading[];
  /** Lines inside a section that use a top-level ordinal (一、二、) for a sub-item. */
  subItems: HeadingLine[];
}

/** What a line can be in the outline, read from the line alone (the outline decides in context). */
interface OutlineLine { heading: HeadingLine; section?: SectionHeading; title?: Title }

/**
 * The line readings of a version: which lines were read (the lines outside tables), and of those
 * the few the outline has a use for. Not an array of a reading per line: a plain array as long as
 * a big document is a large object for V8, and allocating one per re-check cost 1 ms of the 1 MB
 * editing benchmark's 15.
 */
export interface OutlineLines { wasRead: Uint8Array; outline: Map<number, OutlineLine> }

function readOutlineLine(lines: LineIndex, n: number): OutlineLine | null {
  // A comment is no text of the report, whatever it says.
  if (isDirectiveLine(lines.line(n))) return null;
  const heading = readHeadingLine(lines, n);
  if (!heading) return null;
  const raw = lines.line(n);
  // Removing debris can join words, never make 政 or 报 appear.
  const text = raw.includes('政') && raw.includes('报') ? raw.replace(BOOKMARK, '').replace(/^\s*#{1,6}\s+/, '').replace(/\*\*/g, '').trim() : '';
  let title: Title | undefined;
  if (TITLE_WORDS.test(text) && REPORT_WORDS.test(text) && text.length <= 60 && !/[。；]|[：:]$/.test(text)) {
    const start = lines.starts[n] + raw.indexOf(text);
    title = { line: n, start, end: start + text.length, text: ownString(text), year: yearIn(text) };
  }
  const section = sectionOf(heading);
  // Most lines are prose that no outline can use: kept as null, they cost a re-check nothing.
  if (!title && !section && !(heading.ordinalKind === 'chinese' && heading.words.trim() !== '')) return null;
  return { heading, section, title };
}

/**
 * A line's reading after `move`. Built field by field: spread again on every re-check, readings
 * turned into slow dictionary objects.
 */
function movedLine(o: OutlineLine, { lines: shift, chars: delta }: Move): OutlineLine {
  const moved = (h: HeadingLine): HeadingLine => ({
    line: h.line + shift, start: h.start + delta, end: h.end + delta, markdown: h.markdown, ordinalKind: h.ordinalKind, ordinal: h.ordinal,
    ordinalStart: h.ordinalStart + delta, ordinalEnd: h.ordinalEnd + delta, ordinalText: h.ordinalText, words: h.words,
  });
  const { section, title } = o;
  return {
    heading: moved(o.heading),
    section: section && Object.assign(moved(section), { section: section.section, standard: section.standard }),
    title: title && { line: title.line + shift, start: title.start + delta, end: title.end + delta, text: title.text, year: title.year },
  };
}

/**
 * Reads the outline from the lines that are not in a table. Given the previous version's line
 * readings and the change since, a line outside the change keeps its reading.
 */
export function readOutline(lines: LineIndex, proseLines: Uint32Array, previous?: { read: OutlineLines; change: LineChange }, fileName?: string): Outline & { read: OutlineLines } {
  const read: OutlineLines = { wasRead: new Uint8Array(lines.lineCount), outline: new Map() };
  const headings: SectionHeading[] = [];
  const subItems: HeadingLine[] = [];
  let title: Title | undefined;
  const repeatedTitles: Title[] = [];
  for (const n of proseLines) {
    const known = previous && knownReading(previous, n);
    const o = known === undefined ? readOutlineLine(lines, n) : known;
    read.wasRead[n] = 1;
    if (!o) continue;
    read.outline.set(n, o);
    const t = o.title;
    if (t) {
      if (!title && headings.length === 0) { title = t; continue; }
      if (title && normalizeLabel(t.text) === normalizeLabel(title.text)) { repeatedTitles.push(t); continue; }
    }
    if (o.section) headings.push(o.section);
    // A bare "三、" is a heading still being typed, not yet a misnumbered sub-item (readOutlineLine).
    else if (headings.length > 0) subItems.push(o.heading);
  }
  const yearFromTitle = title?.year !== undefined;
  let year = title?.year ?? yearFromText(lines, proseLines, fileName);
  const yearGuessed = year === null;
  year ??= yearOfOverview(lines, proseLines, headings);
  return { title, repeatedTitles, year, yearFromTitle, yearGuessed: yearGuessed && year !== null, headings, subItems, read };
}

/**
 * The report year of a report whose title does not give it, from what else states it, surest
 * first: the statistics period ("自2023年1月1日起至2023年12月31日止"), the date it was signed, the
 * file name. (Failing those, readOutline guesses from 一、总体情况.)
 */
function yearFromText(lines: LineIndex, proseLines: Uint32Array, fileName?: string): number | null {
  return yearFromPeriod(lines, proseLines) ?? yearFromDateLine(lines, proseLines) ?? yearFromFileName(fileName);
}

const PERIOD = /((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日.{0,4}?(?:至|到|—|-|~)\s*\1\s*年\s*12\s*月\s*31\s*日/;

function yearFromPeriod(lines: LineIndex, proseLines: Uint32Array): number | null {
  for (const n of proseLines) {
    const s = lines.line(n);
    if (!s.includes('31')) continue;
    const m = PERIOD.exec(s.normalize('NFKC'));
    if (m) return Number(m[1]);
  }
  return null;
}

function yearFromFileName(fileName: string | undefined): number | null {
  const m = fileName && /(?<!\d)(20\d{2})(?!\d)/.exec(fileName.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

const YEARS = /(?<!\d)((?:19|20)\d{2})\s*年/g;

/** The year most mentioned in section 一 (the later on a tie). */
function yearOfOverview(lines: LineIndex, proseLines: Uint32Array, headings: SectionHeading[]): number | null {
  const overview = headings.find(h => h.section.index === 1);
  if (!overview) return null;
  const end = headings.find(h => h.line > overview.line)?.line ?? lines.lineCount;
  const counts = new Map<number, number>();
  for (const n of proseLines) {
    if (n <= overview.line || n >= end) continue;
    for (const m of lines.line(n).normalize('NFKC').matchAll(YEARS)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) if (best === null || count > counts.get(best)! || (count === counts.get(best) && year > best)) best = year;
  return best;
}

/** The previous version's reading of line n, if the line is unchanged and was read. */
function knownReading({ read, change }: { read: OutlineLines; change: LineChange }, n: number): OutlineLine | null | undefined {
  const move = unchangedMove(change, n, n);
  if (!move) return undefined;
  const old = n - move.lines;
  if (!read.wasRead[old]) return undefined;
  const o = read.outline.get(old);
  if (!o) return null;
  return move.lines !== 0 || move.chars !== 0 ? movedLine(o, move) : o;
}

const DATE_LINE = /^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$/;

/** A report is dated the January–March after its year. */
function yearFromDateLine(lines: LineIndex, proseLines: Uint32Array): number | null {
  for (let k = proseLines.length - 1, seen = 0; k >= 0 && seen < 15; k--) {
    const s = lines.line(proseLines[k]).normalize('NFKC');
    if (s.trim() === '') continue;
    seen++;
    const m = DATE_LINE.exec(s);
    if (m) return Number(m[1]) - 1;
  }
  return null;
}
