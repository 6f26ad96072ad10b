import { defineRule } from '../types';
import { cellAt } from '../match';
import { blockName, blockProblems, keepsNumbers } from './util';

export const tableLabel = defineRule({
  id: 'table-label',
  severity: 'warning',
  description: '统计表的行名或列名与模板文字不同',
  scope: 'table',
  check(t, report) {
    // One finding per block: labels of an older wording drift together, and one fix restores them all.
    return blockProblems(t, p => p.kind === 'label').map(({ block, problems }) => {
      const drifted = problems.flatMap(p => {
        if (p.kind !== 'label') return [];
        const cell = cellAt(t, p.cell);
        const lead = report.text.slice(cell.start, cell.end).search(/\S/);
        return [{ text: cell.text.trim(), expected: p.expected, range: report.lines.range(cell.start + Math.max(0, lead), cell.end) }];
      });
      const [first] = drifted;
      const single = drifted.length === 1;
      return {
        range: first.range,
        message: single
          ? `${blockName(t, block)}中的「${first.text}」与模板文字「${first.expected}」不同`
          : `${blockName(t, block)}有 ${drifted.length} 处文字与模板不同：${drifted.map(d => `「${d.text}」应为「${d.expected}」`).join('、')}`,
        ...(single ? {} : { related: drifted.slice(1).map(d => ({ range: d.range, message: `「${d.text}」应为「${d.expected}」` })) }),
        fix: {
          title: single ? `改为「${first.expected}」` : `把 ${drifted.length} 处改为模板文字`,
          // "行政许可 1" is a label with its value glued on, "3.重复申请" another row's label: only the user can say.
          safe: drifted.every(d => keepsNumbers(d.text, d.expected)),
          edits: drifted.map(d => ({ range: d.range, newText: d.expected })),
        },
      };
    });
  },
});
