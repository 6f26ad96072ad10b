import { defineRule } from '../types';
import type { Report } from '../report';
import { chunkMatches, excerpt, lineContext, type ProseMatch } from './prose-text';

const YEAR = /(?<![0-9０-９])((?:19|20|１９|２０)[0-9０-９]{2})\s*年(度?)/g;
/** "与2021年度相比", "自2019年度起": the year is compared with or counted from, not reported on. */
const BEFORE_REFERENCE = /(较|比|与|和|同|及|、|自|从|至|到|于|截至|截止)\s*$/;
const AFTER_REFERENCE = /^\s*(以来|以前|之前|起|至|到|、|和|及|末|底|相比)/;
/** The rest of the clause names another year's document. */
const DOCUMENT = /报告|年报|计划|要点|方案|预算|决算/;
/** The rest of the sentence compares the year with another. */
const COMPARISON = /同比|相比|相较|对比|持平/;
/** A later year is the plan for next year, not a slip. */
const FUTURE = /将|拟|预计|力争|争取|打算|下一步|下步/;
/** What may precede a paragraph's first word: indentation, a list or heading marker, Word debris. */
const PARAGRAPH_LEAD = /^\s*(#{1,6}\s+|[-*+>]\s+)?(\[bookmark:[^\]\n]*\]\s*)*$/;
/** "2021年，…", "2021年我乡…", "2021年以来…" opening a paragraph: last year's report copied over. */
const PARAGRAPH_OPENING = /^\s*([，,]|我|以来)/;

const clause = (after: string) => after.split(/[，,。；;！？!?]/)[0];
const sentence = (after: string) => after.split(/[。；;！？!?]/)[0];

function yearOf(digits: string): number {
  return Number(digits.normalize('NFKC'));
}

function isMismatch(report: Report, m: ProseMatch, year: number): boolean {
  const said = yearOf(m.match[1]);
  if (said === year) return false;
  const { before, after } = lineContext(report, m.start, m.end);
  if (m.match[2] !== '度') return said === year - 1 && PARAGRAPH_LEAD.test(before) && PARAGRAPH_OPENING.test(after);
  if (BEFORE_REFERENCE.test(before) || AFTER_REFERENCE.test(after)) return false;
  if (DOCUMENT.test(clause(after)) || COMPARISON.test(sentence(after))) return false;
  if ((before.match(/《/g)?.length ?? 0) > (before.match(/》/g)?.length ?? 0)) return false;
  return said < year || !FUTURE.test(sentence(after));
}

/** The report year in the digits' own width, so a full-width "２０２１" becomes "２０２２". */
function sameWidth(digits: string, year: number): string {
  const s = String(year);
  return /[０-９]/.test(digits) ? s.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s;
}

/** The report year when the text states it: a year guessed from the prose itself cannot say the prose's other years are slips. */
const statedYear = (report: Report) => (report.yearGuessed ? null : report.year);

export const yearMismatch = defineRule({
  id: 'year-mismatch',
  severity: 'warning',
  description: '正文把另一年份写成报告年度（如 2022 年报告中的「2021年度…」）',
  // Whether a year is a slip depends on its line and the report year: both are the chunk's.
  scope: 'chunk',
  variant: report => String(statedYear(report)),
  check(chunk, report) {
    const year = statedYear(report);
    if (year === null) return [];
    return chunkMatches(chunk, YEAR).filter(m => isMismatch(report, m, year)).map(m => {
      const digits = m.match[1];
      const written = m.match[0];
      const replacement = sameWidth(digits, year);
      const { after } = lineContext(report, m.end, m.end);
      return {
        range: report.lines.range(m.start, m.end),
        message: `本报告是 ${year} 年度报告，正文却写「${excerpt(written + after)}」`,
        fix: {
          title: `改为「${written.replace(digits, replacement)}」`,
          safe: false,
          edits: [{ range: report.lines.range(m.start, m.start + digits.length), newText: replacement }],
        },
      };
    });
  },
});
