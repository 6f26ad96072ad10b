import { defineRule } from '../types';
import { TEMPLATE_LABELS } from '../template';
import { normalizeLabel, normalizeTemplateLabel } from '../text';
import { chunkMatches } from './prose-text';

/**
 * Two-character words that Chinese doubles on purpose (ABAB): verbs "try a little"
 * (研究研究, 讨论讨论) and vivid adjectives (雪白雪白). Everything else typed twice is a slip.
 */
const ABAB = new Set([
  '研究', '讨论', '学习', '商量', '考虑', '休息', '活动', '锻炼', '了解', '打听', '介绍', '检查', '准备',
  '收拾', '打扫', '整理', '比较', '商议', '琢磨', '思考', '交流', '沟通', '体验', '放松', '调整', '练习',
  '参观', '看望', '高兴', '热闹', '凉快', '暖和', '清醒', '开心', '请教', '指点', '批评', '表扬', '提醒',
  '雪白', '通红', '冰凉', '笔直', '碧绿', '火红', '漆黑', '金黄', '蜡黄', '湛蓝', '滚烫', '喷香',
]);

const REPEATED = /(\p{Script=Han}{2,12})\1/gu;

function isReduplication(word: string): boolean {
  // 一个一个, 一步一步: counting one by one.
  return ABAB.has(word) || /^一\p{Script=Han}$/u.test(word);
}

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const ORDINAL_PREFIX = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+\.)/;
const ORDINAL = /[一二三四五六七八九十]{1,3}[)、]/y;

/**
 * The template's labels without their ordinals, and the halves of the four-character ones: Word
 * splits a cell that narrow over two lines ("结果" above "维持"), and a converted header row comes
 * out as the halves ("结果结果其他尚未总计").
 */
const LABEL_WORDS: ReadonlySet<string> = new Set(TEMPLATE_LABELS.flatMap(label => {
  const words = normalizeTemplateLabel(label).replace(ORDINAL_PREFIX, '');
  return words.length === 4 && HAN_ONLY.test(words) ? [words, words.slice(0, 2), words.slice(2)] : [words];
}));
const LONGEST = Math.max(...[...LABEL_WORDS].map(w => w.length));

/**
 * Whether a line is a converted table's header: its words, ordinals, numbers and punctuation
 * aside, are all template labels or their halves. Such a line repeats labels ("总计总计") because
 * the table has them twice, not because the author slipped.
 */
function madeOfLabels(line: string): boolean {
  // Not memoised: a line is asked about once per check, and a memo would keep a copy of every such line.
  const s = normalizeLabel(line);
  // ends[i]: the line's first i characters split into such words; none splits past `reached`.
  const ends = new Uint8Array(s.length + 1);
  let reached = 0;
  const reach = (end: number) => { ends[end] = 1; if (end > reached) reached = end; };
  reach(0);
  for (let i = 0; i < s.length; i++) {
    if (!ends[i]) {
      // Nothing reaches past here, so nothing splits the whole line: a line of prose is left at once.
      if (i > reached) return false;
      continue;
    }
    if (!HAN.test(s[i])) { reach(i + 1); continue; }
    ORDINAL.lastIndex = i;
    if (ORDINAL.test(s)) reach(ORDINAL.lastIndex);
    for (let n = 2; n <= LONGEST && i + n <= s.length; n++) if (LABEL_WORDS.has(s.slice(i, i + n))) reach(i + n);
  }
  return ends[s.length] === 1;
}

export const duplicateWord = defineRule({
  id: 'duplicate-word',
  severity: 'info',
  description: '词语连续重复（如「根据根据」）',
  scope: 'chunk',
  check(chunk, report) {
    // Per line, once: a line of a thousand repeats is asked about a thousand times.
    const labelLines = new Map<number, boolean>();
    const ofLabels = (at: number) => {
      const line = report.lines.position(at).line;
      let made = labelLines.get(line);
      if (made === undefined) labelLines.set(line, (made = madeOfLabels(report.lines.line(line))));
      return made;
    };
    return chunkMatches(chunk, REPEATED, m => !isReduplication(m.match[1]) && !ofLabels(m.start)).map(({ start, end, match }) => {
      const word = match[1];
      return {
        range: report.lines.range(start, end),
        message: `词语「${word}」连续写了两遍：「${match[0]}」`,
        fix: { title: `删除重复的「${word}」`, safe: false, edits: [{ range: report.lines.range(start + word.length, end), newText: '' }] },
      };
    });
  },
});
