import { defineRule, type Finding, type Fix } from '../types';
import type { Report, SectionSpan } from '../report';
import { SECTIONS, standardHeading, type SectionDef } from '../template';
import { isHeadingWords, readHeadingLine } from '../sections';
import { BOOKMARK, type TextEdit } from '../text';
import { isDirectiveLine } from '../directives';
import { PLACEHOLDER, templateParts } from '../blocks';
import { debrisLine } from './conversion-artifact';
import { insertLines } from './util';

/** An answer that says nothing. */
const BARE = /^(?:无|暂无|没有)[。.]?$/;
/** Markdown around a line's words: a heading or list marker, bold. */
const MARKUP = /^(?:#{1,6}|[-*+>])\s+|\*\*|__/g;

/** A heading of the section, its own or a sub-heading, and the offsets of the first bare answer alone on a line under it. */
interface Slot { line: number; bare?: { start: number; end: number } }

/** What an empty section holds instead of content. */
interface Emptiness {
  slots: Slot[];
  /** The first bare answer, as written, wherever it is. */
  said?: string;
  placeholder: boolean;
}

/** What follows a heading's colon ("存在问题：无"): it answers like a line of its own. */
function afterColon(words: string): string {
  const at = words.search(/[：:]/);
  return at < 0 ? '' : words.slice(at + 1).trim();
}

/**
 * The section's emptiness, or undefined when it says something. Only blank lines, debris, comments,
 * placeholders, bare answers and sub-headings are nothing: any other line is content, a table's
 * rows among them.
 */
function emptiness(report: Report, span: SectionSpan): Emptiness | undefined {
  const { lines } = report;
  const e: Emptiness = { slots: [{ line: span.firstLine }], placeholder: false };
  /** Whether the text says nothing: empty, or a bare answer, the first of which is kept. */
  const answer = (text: string): boolean => {
    if (text === '') return true;
    if (!BARE.test(text)) return false;
    e.said ??= text;
    return true;
  };
  if (!answer(afterColon(span.heading.words))) return undefined;
  for (let n = span.firstLine + 1; n <= span.lastLine; n++) {
    const raw = lines.line(n);
    if (isDirectiveLine(raw)) continue;
    const text = raw.replace(BOOKMARK, '').replace(MARKUP, '').trim();
    if (text === PLACEHOLDER) {
      e.placeholder = true;
      continue;
    }
    if (text === '' || debrisLine(report, n, text, false)) continue;
    if (BARE.test(text)) {
      answer(text);
      // Only an answer alone on its line is replaced: Markdown around it would wrap what replaces it.
      const slot = e.slots[e.slots.length - 1];
      if (raw.trim() === text) {
        const start = lines.starts[n] + raw.indexOf(text);
        slot.bare ??= { start, end: start + text.length };
      }
      continue;
    }
    const h = readHeadingLine(lines, n);
    const sub = h && (h.ordinalKind === 'sub' || h.ordinalKind === 'chinese' || h.markdown) && isHeadingWords(h.words);
    if (!sub || !answer(afterColon(h.words))) return undefined;
    e.slots.push({ line: n });
  }
  return e;
}

/**
 * Under the heading, the expected sub-headings with a placeholder each; under the author's own
 * sub-headings, a placeholder each. A bare answer is replaced, nothing else is removed.
 */
function fillIn(report: Report, section: SectionDef, e: Emptiness): Fix | undefined {
  if (e.placeholder) return undefined;
  const eol = report.lines.eol();
  const own = e.slots.length > 1;
  const edits: TextEdit[] = (own ? e.slots.slice(1) : e.slots).map(slot => {
    const text = own ? PLACEHOLDER : templateParts(section, eol);
    return slot.bare ? { range: report.lines.range(slot.bare.start, slot.bare.end), newText: text } : insertLines(report, slot.line + 1, text + eol);
  });
  return { title: own ? '在各子标题下插入待填写的一行' : `插入子标题：${section.prose!.parts.join('、')}`, safe: false, edits };
}

export const sectionEmpty = defineRule({
  id: 'section-empty',
  severity: 'warning',
  description: '第一、第五部分没有内容、只写了「无」或只有子标题',
  scope: 'report',
  check(report) {
    const out: Finding[] = [];
    // Sections 二–四 are filled by their tables (table-missing reports one that is absent), and
    // section 六 may say "无": only the prose sections are read.
    for (const section of SECTIONS) {
      if (!section.prose) continue;
      const spans = report.sections.filter(s => s.heading.section.index === section.index);
      // A section written twice is empty only if both are (the second heading is section-duplicate's).
      const found = spans.map(s => emptiness(report, s));
      if (spans.length === 0 || found.some(e => e === undefined)) continue;
      const e = found[0]!;
      const h = spans[0].heading;
      const shape = e.said !== undefined ? `只写了「${e.said}」` : e.slots.length > 1 ? '只有子标题而没有内容' : '没有内容';
      const finding: Finding = {
        range: report.lines.range(h.start, h.end),
        message: `「${standardHeading(section)}」${shape}，应${section.prose.expects}`,
      };
      const fix = fillIn(report, section, e);
      if (fix) finding.fix = fix;
      out.push(finding);
    }
    return out;
  },
});
