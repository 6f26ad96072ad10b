// The national annual-report format (国办公开办函〔2019〕60号 and 〔2021〕30号) as data.
// Everything that knows a label, a column or a relation reads it from here.

export type FormatId = '2019' | '2021';
export type TableId = 't2' | 't3' | 't4';
export type ValueKind = 'count' | 'delta' | 'amount';

export interface SectionDef {
  index: number;
  ordinal: string;
  title: string;
  /** Other wordings real reports use for this section (without ordinal): specific enough to win over a wrong ordinal. */
  variants: string[];
  /** Words that identify the section when its wording drifts. */
  keywords: string[];
  table?: TableId;
  /**
   * A section of prose the format asks for (一, 五): what it should say, for messages, and the
   * sub-headings it usually has. Left empty, it is the first thing a reviewer sends back.
   */
  prose?: { expects: string; parts: string[] };
}

export const SECTIONS: readonly SectionDef[] = [
  {
    index: 1, ordinal: '一', title: '总体情况', variants: ['工作基本情况'], keywords: ['总体情况', '基本情况'],
    prose: {
      expects: '概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况',
      parts: ['主动公开情况', '依申请公开情况', '政府信息管理情况', '政府信息公开平台建设情况', '监督保障情况'],
    },
  },
  { index: 2, ordinal: '二', title: '主动公开政府信息情况', variants: [], keywords: ['主动公开'], table: 't2' },
  {
    index: 3, ordinal: '三', title: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请的情况'], keywords: ['公开申请', '依申请'], table: 't3',
  },
  {
    index: 4, ordinal: '四', title: '政府信息公开行政复议、行政诉讼情况',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议和行政诉讼情况'],
    keywords: ['行政复议', '行政诉讼'], table: 't4',
  },
  {
    index: 5, ordinal: '五', title: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题和改进情况'],
    keywords: ['主要问题', '改进'],
    prose: { expects: '写明存在的主要问题和改进情况', parts: ['存在的主要问题', '改进情况'] },
  },
  { index: 6, ordinal: '六', title: '其他需要报告的事项', variants: ['其他事项', '其他需要报告事项'], keywords: ['其他需要报告'] },
];

export function standardHeading(section: SectionDef): string {
  return `${section.ordinal}、${section.title}`;
}

export interface ColumnDef {
  id: string;
  label: string;
  /** Short name for inlay hints and messages. */
  short: string;
  kind: ValueKind;
  /** Header labels above this column in the template, outermost first (申请人情况 › 法人或其他组织). */
  groups?: string[];
}

/**
 * A row's label as it may be written in one cell with the group labels above it (what a PDF or a
 * converter keeps of merged cells): "三、本年度办理结果（一）予以公开", "（三）不予公开1.属于国家秘密".
 */
export function labelsWithGroups(row: RowDef): string[] {
  const groups = row.groups ?? [];
  return groups.map((_, k) => groups.slice(k).join('') + row.label);
}

export interface RowDef {
  id: string;
  label: string;
  short: string;
  /** Group labels above this row in the template (e.g. 三、本年度办理结果 › （三）不予公开). */
  groups?: string[];
  /** Counted in （七）总计 (relation A3). */
  result?: boolean;
}

export interface BlockDef {
  /** Caption row above the block (表二 第二十条第（X）项, 表三 note). */
  caption?: string;
  /** Header cells in reading order, as the template prints them. */
  header: string[];
  columns: ColumnDef[];
  rows: RowDef[];
}

export interface TableDef {
  id: TableId;
  name: string;
  title: string;
  section: number;
  blocks: BlockDef[];
}

const count = (id: string, label: string, short = label, groups?: string[]): ColumnDef =>
  (groups ? { id, label, short, kind: 'count', groups } : { id, label, short, kind: 'count' });

/** Header labels of columns in reading order, each group once, before its first column. */
function headerOf(columns: ColumnDef[]): string[] {
  const out: string[] = [];
  for (const c of columns) {
    for (const g of c.groups ?? []) if (!out.includes(g)) out.push(g);
    out.push(c.label);
  }
  return out;
}

// ---------- 表二 ----------

const T2_2021: TableDef = {
  id: 't2', name: '表二', title: '主动公开政府信息情况', section: 2,
  blocks: [
    {
      caption: '第二十条第（一）项',
      header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      columns: [count('issued', '本年制发件数', '制发'), count('repealed', '本年废止件数', '废止'), count('inForce', '现行有效件数', '现行有效')],
      rows: [{ id: 'rules', label: '规章', short: '规章' }, { id: 'normative', label: '行政规范性文件', short: '规范性文件' }],
    },
    {
      caption: '第二十条第（五）项',
      header: ['信息内容', '本年处理决定数量'],
      columns: [count('decisions', '本年处理决定数量', '处理决定')],
      rows: [{ id: 'licensing', label: '行政许可', short: '行政许可' }],
    },
    {
      caption: '第二十条第（六）项',
      header: ['信息内容', '本年处理决定数量'],
      columns: [count('decisions', '本年处理决定数量', '处理决定')],
      rows: [{ id: 'penalty', label: '行政处罚', short: '行政处罚' }, { id: 'coercion', label: '行政强制', short: '行政强制' }],
    },
    {
      caption: '第二十条第（八）项',
      header: ['信息内容', '本年收费金额（单位：万元）'],
      columns: [{ id: 'feeAmount', label: '本年收费金额（单位：万元）', short: '收费金额', kind: 'amount' }],
      rows: [{ id: 'fees', label: '行政事业性收费', short: '行政事业性收费' }],
    },
  ],
};

const T2_2019_PROJECT_COLUMNS: ColumnDef[] = [
  count('lastYear', '上一年项目数量', '上年项目'),
  { id: 'change', label: '本年增/减', short: '增/减', kind: 'delta' },
  count('decisions', '处理决定数量', '处理决定'),
];

const T2_2019: TableDef = {
  id: 't2', name: '表二', title: '主动公开政府信息情况', section: 2,
  blocks: [
    {
      caption: '第二十条第（一）项',
      header: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      columns: [count('made', '本年新制作数量', '新制作'), count('published', '本年新公开数量', '新公开'), count('totalPublic', '对外公开总数量', '公开总数')],
      rows: [{ id: 'rules', label: '规章', short: '规章' }, { id: 'normative', label: '规范性文件', short: '规范性文件' }],
    },
    {
      caption: '第二十条第（五）项',
      header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      columns: T2_2019_PROJECT_COLUMNS,
      rows: [{ id: 'licensing', label: '行政许可', short: '行政许可' }, { id: 'otherServices', label: '其他对外管理服务事项', short: '其他管理服务' }],
    },
    {
      caption: '第二十条第（六）项',
      header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      columns: T2_2019_PROJECT_COLUMNS,
      rows: [{ id: 'penalty', label: '行政处罚', short: '行政处罚' }, { id: 'coercion', label: '行政强制', short: '行政强制' }],
    },
    {
      caption: '第二十条第（八）项',
      header: ['信息内容', '上一年项目数量', '本年增/减'],
      columns: T2_2019_PROJECT_COLUMNS.slice(0, 2),
      rows: [{ id: 'fees', label: '行政事业性收费', short: '行政事业性收费' }],
    },
    {
      caption: '第二十条第（九）项',
      header: ['信息内容', '采购项目数量', '采购总金额'],
      columns: [count('procurements', '采购项目数量', '采购项目'), { id: 'procurementAmount', label: '采购总金额', short: '采购金额', kind: 'amount' }],
      rows: [{ id: 'procurement', label: '政府集中采购', short: '集中采购' }],
    },
  ],
};

// ---------- 表三 ----------

export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const APPLICANTS = ['申请人情况'];
const ORGANISATIONS = [...APPLICANTS, '法人或其他组织'];

const T3_COLUMNS: ColumnDef[] = [
  count('natural', '自然人', '自然人', APPLICANTS),
  count('business', '商业企业', '商业', ORGANISATIONS),
  count('research', '科研机构', '科研', ORGANISATIONS),
  count('publicWelfare', '社会公益组织', '公益', ORGANISATIONS),
  count('legal', '法律服务机构', '法律', ORGANISATIONS),
  count('otherOrg', '其他', '其他', ORGANISATIONS),
  count('total', '总计', '总计', APPLICANTS),
];

const T3_HEADER = headerOf(T3_COLUMNS);

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER_HANDLING = '（六）其他处理';

const result = (id: string, label: string, short: string, group?: string): RowDef =>
  ({ id, label, short, groups: group ? [RESULTS, group] : [RESULTS], result: true });

function t3Rows(format: FormatId): RowDef[] {
  const otherHandling: RowDef[] = format === '2021'
    ? [
      result('otherOverdueCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '逾期不补正', OTHER_HANDLING),
      result('otherOverdueFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '逾期未缴费', OTHER_HANDLING),
      result('otherOther', '3.其他', '其他处理-其他', OTHER_HANDLING),
    ]
    : [result('otherHandling', OTHER_HANDLING, '其他处理')];
  return [
    { id: 'new', label: '一、本年新收政府信息公开申请数量', short: '本年新收' },
    { id: 'carried', label: '二、上年结转政府信息公开申请数量', short: '上年结转' },
    result('disclosed', '（一）予以公开', '予以公开'),
    result('partly', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开'),
    result('secret', '1.属于国家秘密', '国家秘密', WITHHELD),
    result('prohibited', '2.其他法律行政法规禁止公开', '法律法规禁止', WITHHELD),
    result('threeSecurities', '3.危及“三安全一稳定”', '三安全一稳定', WITHHELD),
    result('thirdParty', '4.保护第三方合法权益', '第三方权益', WITHHELD),
    result('internal', '5.属于三类内部事务信息', '内部事务', WITHHELD),
    result('process', '6.属于四类过程性信息', '过程性信息', WITHHELD),
    result('enforcement', '7.属于行政执法案卷', '执法案卷', WITHHELD),
    result('inquiry', '8.属于行政查询事项', '行政查询', WITHHELD),
    result('notHeld', '1.本机关不掌握相关政府信息', '不掌握', UNAVAILABLE),
    result('needsCreation', '2.没有现成信息需要另行制作', '需另行制作', UNAVAILABLE),
    result('unclear', '3.补正后申请内容仍不明确', '仍不明确', UNAVAILABLE),
    result('petition', '1.信访举报投诉类申请', '信访举报投诉', NOT_PROCESSED),
    result('repeated', '2.重复申请', '重复申请', NOT_PROCESSED),
    result('publication', '3.要求提供公开出版物', '公开出版物', NOT_PROCESSED),
    result('massRepeated', '4.无正当理由大量反复申请', '大量反复申请', NOT_PROCESSED),
    result('confirm', '5.要求行政机关确认或重新出具已获取信息', '确认或重新出具', NOT_PROCESSED),
    ...otherHandling,
    { id: 'resultsTotal', label: '（七）总计', short: '办理结果总计', groups: [RESULTS] },
    { id: 'carryForward', label: '四、结转下年度继续办理', short: '结转下年度' },
  ];
}

const t3 = (format: FormatId): TableDef => ({
  id: 't3', name: '表三', title: '收到和处理政府信息公开申请情况', section: 3,
  blocks: [{ caption: T3_NOTE, header: T3_HEADER, columns: T3_COLUMNS, rows: t3Rows(format) }],
});

// ---------- 表四 ----------

const LITIGATION = '行政诉讼';

/** The three groups of 表四's columns; `within` is the header they sit under (行政诉讼). */
export const T4_GROUPS = [
  { id: 'review', label: '行政复议', short: '复议' },
  { id: 'direct', label: '未经复议直接起诉', short: '直诉', within: LITIGATION },
  { id: 'afterReview', label: '复议后起诉', short: '复议后诉', within: LITIGATION },
] as const;

const T4_OUTCOMES = [
  { id: 'upheld', label: '结果维持', short: '维持' },
  { id: 'corrected', label: '结果纠正', short: '纠正' },
  { id: 'other', label: '其他结果', short: '其他' },
  { id: 'pending', label: '尚未审结', short: '未结' },
  { id: 'total', label: '总计', short: '总计' },
] as const;

const T4_COLUMNS: ColumnDef[] = T4_GROUPS.flatMap(g =>
  T4_OUTCOMES.map(o => count(`${g.id}.${o.id}`, o.label, `${g.short}·${o.short}`, 'within' in g ? [g.within, g.label] : [g.label])));

const T4: TableDef = {
  id: 't4', name: '表四', title: '政府信息公开行政复议、行政诉讼情况', section: 4,
  blocks: [{
    header: headerOf(T4_COLUMNS),
    columns: T4_COLUMNS,
    rows: [{ id: 'cases', label: '', short: '数值行' }],
  }],
};

export const TABLES: Record<FormatId, Record<TableId, TableDef>> = {
  '2019': { t2: T2_2019, t3: t3('2019'), t4: T4 },
  '2021': { t2: T2_2021, t3: t3('2021'), t4: T4 },
};

/**
 * Every word a template table prints, in either format: captions and notes, header cells, column,
 * group and row labels. A line of these is a table's, even when a conversion lost the table.
 */
export const TEMPLATE_LABELS: readonly string[] = [...new Set(Object.values(TABLES).flatMap(tables => Object.values(tables).flatMap(t => t.blocks.flatMap(b => [
  b.caption ?? '', ...b.header, ...b.columns.map(c => c.label), ...b.rows.flatMap(r => [r.label, ...(r.groups ?? [])]),
]))))].filter(label => label !== '');

/** The format a report on `year` must use. */
export function formatForYear(year: number): FormatId {
  return year >= 2021 ? '2021' : '2019';
}

// ---------- Relations A1–A6 ----------

export type RelationCode = 't3-row-total' | 't3-results-total' | 't3-balance' | 't4-group-total';

/**
 * `left` and `right` name rows (over: 'column', instantiated once per column) or columns
 * (over: 'row', once per row). The relation holds when Σleft = Σright; `target` is the cell
 * claimed wrong and the one a fix rewrites.
 */
export interface RelationDef {
  id: string;
  code: RelationCode;
  table: TableId;
  over: 'row' | 'column';
  left: string[];
  right: string[];
  target: string;
  /** Restrict to some rows (over: 'row') or columns (over: 'column'); all when absent. */
  only?: string[];
  /** Name of the instance in messages, when it is not the row or column label. */
  name?: string;
  /**
   * A balance, not a sum of details: its target is only the cell left to balance it. Where the
   * sums' own fixes (their targets set to what their details add up to) make it hold, its failure
   * is theirs and is not reported: a （七）总计 left at 0 is one mistake, not one on 结转下年度 too.
   */
  weak?: boolean;
}

function resultRowIds(format: FormatId): string[] {
  return t3Rows(format).filter(r => r.result).map(r => r.id);
}

const T3_APPLICANTS = ['natural', 'business', 'research', 'publicWelfare', 'legal', 'otherOrg'];

function t4Relation(id: string, group: (typeof T4_GROUPS)[number]): RelationDef {
  const col = (o: string) => `${group.id}.${o}`;
  return {
    id, code: 't4-group-total', table: 't4', over: 'row', name: group.label,
    left: ['upheld', 'corrected', 'other', 'pending'].map(col), right: [col('total')], target: col('total'),
  };
}

export function relationsFor(format: FormatId): RelationDef[] {
  return [
    { id: 'A1', code: 't3-balance', table: 't3', over: 'column', left: ['new', 'carried'], right: ['resultsTotal', 'carryForward'], target: 'carryForward', weak: true },
    { id: 'A2', code: 't3-row-total', table: 't3', over: 'row', left: T3_APPLICANTS, right: ['total'], target: 'total' },
    { id: format === '2021' ? 'A3' : "A3'", code: 't3-results-total', table: 't3', over: 'column', left: resultRowIds(format), right: ['resultsTotal'], target: 'resultsTotal' },
    t4Relation('A4', T4_GROUPS[0]),
    t4Relation('A5', T4_GROUPS[1]),
    t4Relation('A6', T4_GROUPS[2]),
  ];
}

/** Header wordings some provinces print instead of the national text; not a label drift. */
export const ACCEPTED_LABEL_VARIANTS: Record<string, string[]> = {
  '本年收费金额（单位：万元）': ['本年收费金额（单位：万元，保留4位小数）'],
};

/** Cells whose presence tells which template table a region is. */
export const TABLE_ANCHORS: Record<TableId, string[]> = {
  t2: ['第二十条第（一）项', '第二十条第（五）项', '信息内容'],
  t3: ['本列数据的勾稽关系为', '申请人情况', '本年新收政府信息公开申请数量'],
  t4: ['行政复议', '未经复议直接起诉', '复议后起诉'],
};

/** Labels only one of the two formats prints; used to tell the format of a table. */
export const FORMAT_MARKERS: Record<FormatId, string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '行政规范性文件',
    '申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项',
    '采购项目数量', '采购总金额', '政府集中采购'],
};
