// npm run new-rule -- CODE [--scope report|outline|table|chunk] [--severity error|warning|info] [--root DIR]
//
// Scaffolds a rule: its module (server/src/engine/rules/CODE.ts), its fixture
// (server/src/engine/rules/fixtures/CODE.md), its page (docs/rules/CODE.md), its place in the
// rule list and its rows in the rule tables of docs/rules/README.md and README.md. What is left is
// the rule itself: its check, real report text in its fixture with the findings marked, the page's
// words, the code in the shared spec (spec/rules.md), and `npm run gen`. The rule-fixture test
// fails until the fixture marks a finding the rule makes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SCOPES = ['report', 'outline', 'table', 'chunk'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const SEVERITY_NAMES = { error: '错误', warning: '警告', info: '提示' } as const;

type Scope = (typeof SCOPES)[number];
type Level = (typeof SEVERITIES)[number];

export interface NewRule { code: string; scope: Scope; severity: Level }

const camel = (code: string) => code.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const CHECKS: Record<Scope, string> = {
  report: `  check(_report) {
    // Findings on the whole report: checked again on every version.
    return [];
  },`,
  outline: `  check(_report) {
    // Findings on the title, section headings and sub-items (and the year) alone: kept while those lines are unchanged.
    return [];
  },`,
  table: `  check(_table, _report) {
    // Findings on this table alone (report for positions only): kept with its content and reused while it is unchanged.
    return [];
  },`,
  chunk: `  check(_chunk, _report) {
    // Findings on this prose chunk alone (report for positions only): kept with its text and reused while it is unchanged.
    return [];
  },`,
};

function ruleModule({ code, scope, severity }: NewRule): string {
  return `import { defineRule } from '../types';

export const ${camel(code)} = defineRule({
  id: '${code}',
  severity: '${severity}',
  description: '（一句话说明这条规则检查什么）',
  scope: '${scope}',
${CHECKS[scope]}
});
`;
}

function fixture({ code }: NewRule): string {
  return `<!-- report: 说明这份报告展示了什么（取自 ../shared/reports/seeds/ 的真实文字）。 -->

（在这里放真实的报告文字：应报告的地方上一行写标记，不应报告的真实文字原样保留。）
<!-- expect ${code}: （引擎给出的说明，逐字） -->
`;
}

function page({ code, severity }: NewRule): string {
  return `# \`${code}\`：（标题）

- **默认严重程度**：${severity}（${SEVERITY_NAMES[severity]}）
- **快速修复**：—

## 检查什么

## 为什么重要

## 示例

## 快速修复

## 如何关闭

- 只关闭某一处：在问题所在行的上一行写 \`<!-- nianbao-disable-next-line ${code} -->\`（作用于其后第一个非空行）。
- 关闭整个文件：在文件任意位置写 \`<!-- nianbao-disable ${code} -->\`。
- 所有文件关闭或改变严重程度：在 VS Code 设置（\`settings.json\`）中写 \`"nianbao.rules": { "${code}": "off" }\`，可选值 \`"error"\`、\`"warning"\`、\`"info"\`、\`"off"\`；其他编辑器通过语言服务器的 \`nianbao.rules\` 配置项设置。
- 命令行：\`nianbao check --severity ${code}=off 路径\`。

不写代码的 \`<!-- nianbao-disable -->\` / \`<!-- nianbao-disable-next-line -->\` 会关闭全部规则。

[返回规则列表](README.md)
`;
}

/** `text` with `line` inserted after the last line that `after` matches. */
function insertAfterLast(text: string, after: RegExp, line: string, file: string): string {
  const lines = text.split('\n');
  const at = lines.map(l => after.test(l)).lastIndexOf(true);
  if (at < 0) throw new Error(`${file}: no line to insert after (${after})`);
  lines.splice(at + 1, 0, line);
  return lines.join('\n');
}

/** Writes the new rule's files into the repository at `root`; the paths it wrote or changed. */
export function scaffold(root: string, rule: NewRule): string[] {
  const { code, severity } = rule;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(code)) throw new Error(`a rule code is lower-case words joined by "-" (t3-cell, section-empty): ${code}`);
  const rules = path.join(root, 'server/src/engine/rules');
  const files = {
    module: path.join(rules, `${code}.ts`),
    fixture: path.join(rules, 'fixtures', `${code}.md`),
    page: path.join(root, 'docs/rules', `${code}.md`),
  };
  for (const f of Object.values(files)) if (existsSync(f)) throw new Error(`${path.relative(root, f)} exists already`);
  const indexFile = path.join(rules, 'index.ts');
  let index = readFileSync(indexFile, 'utf8');
  index = insertAfterLast(index, /^import \{ \w+ \} from '\.\/[a-z0-9-]+';$/, `import { ${camel(code)} } from './${code}';`, indexFile);
  index = index.replace(/(const reportRules = \[[\s\S]*?)\n\];/, `$1\n  ${camel(code)},\n];`);
  const rows: Array<[string, string]> = [
    [path.join(root, 'docs/rules/README.md'), `| [\`${code}\`](${code}.md) | ${severity} | （检查内容） | — |`],
    [path.join(root, 'README.md'), `| \`${code}\` | ${severity} | （检查内容） | — |`],
  ];
  mkdirSync(path.dirname(files.fixture), { recursive: true });
  writeFileSync(files.module, ruleModule(rule));
  writeFileSync(files.fixture, fixture(rule));
  writeFileSync(files.page, page(rule));
  writeFileSync(indexFile, index);
  for (const [file, row] of rows) writeFileSync(file, insertAfterLast(readFileSync(file, 'utf8'), /^\| \[?`[a-z0-9-]+`/, row, file));
  return [...Object.values(files), indexFile, ...rows.map(([f]) => f)].map(f => path.relative(root, f));
}

function main(argv: string[]): number {
  const rule: NewRule = { code: '', scope: 'report', severity: 'warning' };
  let root = path.resolve(__dirname, '..');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scope' && SCOPES.includes(argv[i + 1] as Scope)) rule.scope = argv[++i] as Scope;
    else if (arg === '--severity' && SEVERITIES.includes(argv[i + 1] as Level)) rule.severity = argv[++i] as Level;
    else if (arg === '--root' && argv[i + 1]) root = path.resolve(argv[++i]);
    else if (!arg.startsWith('-') && !rule.code) rule.code = arg;
    else {
      process.stderr.write(`用法 / usage: npm run new-rule -- CODE [--scope ${SCOPES.join('|')}] [--severity ${SEVERITIES.join('|')}]\n`);
      return 2;
    }
  }
  if (!rule.code) {
    process.stderr.write(`用法 / usage: npm run new-rule -- CODE [--scope ${SCOPES.join('|')}] [--severity ${SEVERITIES.join('|')}]\n`);
    return 2;
  }
  try {
    for (const f of scaffold(root, rule)) process.stdout.write(`${f}\n`);
  } catch (err) {
    process.stderr.write(`new-rule: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  process.stdout.write(`\n接下来 / next: 写规则的 check、在夹具中放真实报告文字并标出应有的问题、写规则页面，\n把代码加入 spec/rules.md，然后运行 npm run gen 和 npm run test:unit。\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
