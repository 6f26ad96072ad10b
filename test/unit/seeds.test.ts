// Issue "The checker": the five real reports as users wrote them. Every table and structure
// finding is listed, so a new false alarm on real text fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine';
import { seed, structureFindings } from '../helpers';

const SEED_FACTS: Record<string, { year: number; format: '2019' | '2021'; layout: string; findings: string[] }> = {
  '000': {
    year: 2022, format: '2021', layout: 'cell-per-line',
    findings: [
      'table-layout 12:0-12:12 表二为「每个单元格占一行」格式，可转换为制表符分隔的表格',
      'table-layout 58:0-58:35 表三为「每个单元格占一行」格式，可转换为制表符分隔的表格',
      'table-layout 345:0-345:5 表四为「每个单元格占一行」格式，可转换为制表符分隔的表格',
    ],
  },
  '001': {
    year: 2024, format: '2021', layout: 'tab',
    findings: [
      // 总体情况 borrows 一、二、 for its five sub-items, 存在的主要问题 for its two.
      'section-numbering 10:0-10:8 「一、总体情况」内的子项「一、主动公开情况」使用了一级序号，应为「（一）」',
      'section-numbering 14:0-14:9 「一、总体情况」内的子项「二、依申请公开情况」使用了一级序号，应为「（二）」',
      'section-numbering 18:0-18:10 「一、总体情况」内的子项「三、政府信息管理情况」使用了一级序号，应为「（三）」',
      'section-numbering 22:0-22:14 「一、总体情况」内的子项「四、政府信息公开平台建设情况」使用了一级序号，应为「（四）」',
      'section-numbering 26:0-26:8 「一、总体情况」内的子项「五、监督保障情况」使用了一级序号，应为「（五）」',
      'section-numbering 87:0-87:6 「五、存在的主要问题及改进情况」内的子项「一、主要问题」使用了一级序号，应为「（一）」',
      'section-numbering 91:0-91:6 「五、存在的主要问题及改进情况」内的子项「二、改进措施」使用了一级序号，应为「（二）」',
    ],
  },
  '002': { year: 2021, format: '2021', layout: 'tab', findings: [] },
  '003': {
    year: 2020, format: '2019', layout: 'cell-per-line',
    findings: [
      'table-layout 16:0-16:10 表二为「每个单元格占一行」格式，可转换为制表符分隔的表格',
      'table-layout 91:0-91:35 表三为「每个单元格占一行」格式，可转换为制表符分隔的表格',
      'table-layout 354:0-354:5 表四为「每个单元格占一行」格式，可转换为制表符分隔的表格',
    ],
  },
  '004': {
    year: 2023, format: '2021', layout: 'cell-per-line',
    findings: [
      'table-layout 10:0-10:10 表二为「每个单元格占一行」格式，可转换为制表符分隔的表格',
      'table-layout 57:0-57:87 表三为「每个单元格占一行」格式，可转换为制表符分隔的表格',
      'table-layout 344:0-344:5 表四为「每个单元格占一行」格式，可转换为制表符分隔的表格',
      'section-heading 399:0-399:15 标题应为「五、存在的主要问题及改进情况」，而不是「5、 存在的主要问题及改进情况」',
    ],
  },
};

for (const [prefix, facts] of Object.entries(SEED_FACTS)) {
  test(`seed ${prefix}: a ${facts.year} report on the ${facts.format} format, all three tables read in full`, () => {
    const { report } = check(seed(prefix));
    assert.equal(report.year, facts.year);
    assert.equal(report.format, facts.format);
    assert.equal(report.expectedFormat, facts.format);
    const valueCells = facts.format === '2021' ? { t2: 10, t3: 175, t4: 15 } : { t2: 22, t3: 161, t4: 15 };
    assert.deepEqual(report.tables.map(t => [t.def.id, t.format, t.regions[0].layout, t.values.size, t.problems]), [
      ['t2', facts.format, facts.layout, valueCells.t2, []],
      ['t3', facts.format, facts.layout, valueCells.t3, []],
      ['t4', facts.format, facts.layout, valueCells.t4, []],
    ]);
  });

  test(`seed ${prefix}: exactly the expected table and structure findings`, () => {
    assert.deepEqual(structureFindings(seed(prefix)), facts.findings);
  });
}
