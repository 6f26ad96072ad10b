import type { Rule } from '../types';
import { chunkFindings, chunkMatches } from './proseText';

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

export const duplicateWord: Rule = {
  id: 'duplicate-word',
  severity: 'info',
  description: '词语连续重复（如「根据根据」）',
  check(report) {
    return chunkFindings(report, this.id, '', chunk => chunkMatches(chunk, REPEATED, m => !isReduplication(m.match[1])).map(({ start, end, match }) => {
      const word = match[1];
      return {
        range: report.lines.range(start, end),
        message: `词语「${word}」连续写了两遍：「${match[0]}」`,
        fix: { title: `删除重复的「${word}」`, safe: false, edits: [{ range: report.lines.range(start + word.length, end), newText: '' }] },
      };
    }));
  },
};
