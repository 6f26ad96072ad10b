import { defineRule, type Finding } from '../types';
import { blankBlocks, blockName, blockRange } from './util';

export const tableEmpty = defineRule({
  id: 'table-empty',
  severity: 'warning',
  description: '统计表只有模板的行名和列名，没有任何数字：尚未填写',
  scope: 'table',
  check(table, report) {
    const blank = blankBlocks(table);
    // A whole blank form is one finding; otherwise each 表二 block left blank among filled ones.
    if (blank.size > 0 && blank.size === table.def.blocks.length) {
      return [{ range: blockRange(report, table, 0), message: `${table.def.name}（${table.def.title}）尚未填写：只有模板的行名和列名，没有任何数字；没有发生的事项填 0` }];
    }
    return [...blank].map((block): Finding => ({ range: blockRange(report, table, block), message: `${blockName(table, block)}尚未填写：没有任何数字；没有发生的事项填 0` }));
  },
});
