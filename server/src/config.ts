// The project's configuration file, `.nianbao.jsonc` (or `.nianbao.json`): JSON with comments,
// found by walking up from a checked file, the nearest one winning. The command line, the
// language server and the extension's preview read it through this module. Each key is one line
// of CONFIG_KEYS: its kind gives both the check of a value and the JSON schema the extension
// contributes (written by scripts/gen-manifest.ts), so the editor's completion and this
// module's messages cannot disagree on what a key takes.
import path from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ALL_RULES, isSeveritySetting, LineIndex, SEVERITY_SETTINGS, type CheckOptions, type Range, type RuleCode, type SeveritySetting } from './engine';
import { readFileSync } from 'node:fs';
import { isFile, readError } from './fileErrors';
import { NO_PATTERNS, type Patterns } from './globs';

/** Looked for in this order in each directory. */
export const CONFIG_NAMES = ['.nianbao.jsonc', '.nianbao.json'] as const;

export const isConfigFile = (file: string) => (CONFIG_NAMES as readonly string[]).includes(path.basename(file));

interface Problem { node: Node; message: string }

interface Key<T> {
  /** Shown by the editor on hover and in completion (Markdown). */
  description: string;
  /** The value's JSON schema; `errorMessage` is what VS Code says when a value breaks it. */
  schema: Record<string, unknown>;
  /** The value, or undefined (or only its good parts) with the reasons added to `problems`. */
  read(node: Node, name: string, problems: Problem[]): T | undefined;
}

const SEVERITY_LIST = SEVERITY_SETTINGS.join('、').replace(/、([^、]+)$/, ' 或 $1');
const CODES = new Set<string>(ALL_RULES.map(r => r.id));

/** `，而不是「of」` for a wrong string, nothing for other values (the range shows them). */
const instead = (node: Node) => (node.type === 'string' ? `，而不是「${node.value}」` : '');

const properties = (node: Node) => (node.children ?? []).map(p => ({ key: p.children![0], value: p.children![1] as Node | undefined }));

const severities: Key<Partial<Record<RuleCode, SeveritySetting>>> = {
  description: `各条规则的级别：规则代码 → ${SEVERITY_LIST}（off 为不报告）。没有写出的规则采用默认级别。`,
  schema: {
    type: 'object',
    properties: Object.fromEntries(ALL_RULES.map(r => [r.id, { enum: SEVERITY_SETTINGS, default: r.severity, errorMessage: `级别应为 ${SEVERITY_LIST}` }])),
    propertyNames: { enum: [...CODES], errorMessage: '未知的规则代码' },
    errorMessage: `应为对象，键为规则代码，值为 ${SEVERITY_LIST}`,
  },
  read(node, name, problems) {
    if (node.type !== 'object') return void problems.push({ node, message: `${name} 应为对象，键为规则代码，值为 ${SEVERITY_LIST}，例如 {"cell-empty": "off"}` });
    const out: Partial<Record<RuleCode, SeveritySetting>> = {};
    for (const { key, value } of properties(node)) {
      if (!CODES.has(key.value)) problems.push({ node: key, message: `未知的规则代码「${key.value}」` });
      else if (value && !isSeveritySetting(value.value)) problems.push({ node: value, message: `规则 ${key.value} 的级别应为 ${SEVERITY_LIST}${instead(value)}` });
      else if (value) out[key.value as RuleCode] = value.value;
    }
    return out;
  },
};

function oneOf<const T extends string>(values: readonly T[], description: string): Key<T> {
  const expected = `应为 ${values.map(v => JSON.stringify(v)).join(' 或 ')}`;
  return {
    description,
    schema: { enum: values, errorMessage: expected },
    read: (node, name, problems) => (values.includes(node.value) ? node.value : void problems.push({ node, message: `${name} ${expected}${instead(node)}` })),
  };
}

function globs(description: string): Key<string[]> {
  const expected = '应为 glob 模式的数组，例如 ["**/*.txt"]';
  const item = 'glob 模式应为字符串';
  return {
    description,
    schema: { type: 'array', items: { type: 'string', errorMessage: item }, errorMessage: expected },
    read(node, name, problems) {
      if (node.type !== 'array') return void problems.push({ node, message: `${name} ${expected}` });
      const out: string[] = [];
      for (const child of node.children ?? []) {
        if (child.type === 'string') out.push(child.value);
        else problems.push({ node: child, message: item });
      }
      return out;
    },
  };
}

const RELATIVE = '模式相对于本配置文件所在的目录；不含“/”的模式匹配任何目录中的文件名。';

/** Every key a configuration file can hold. */
export const CONFIG_KEYS = {
  rules: severities,
  defaultTemplate: oneOf(['2021', '2019'], '报告年度和表格内容都无法判断格式时采用的表格格式。'),
  include: globs(`无论扩展名都要检查的文件（glob 模式），例如 \`**/*.txt\` 用于保存为纯文本的报告。${RELATIVE}`),
  exclude: globs(`从不检查的文件（glob 模式），例如 \`草稿/**\`，优先于 include。${RELATIVE}`),
} satisfies Record<string, Key<unknown>>;

type Keys = typeof CONFIG_KEYS;
export type ConfigValues = { -readonly [K in keyof Keys]?: Keys[K] extends Key<infer T> ? T : never };

const KEY_LIST = Object.keys(CONFIG_KEYS).join('、');

/** The schema of the file (scripts/gen-manifest.ts adds the strings it shares with the settings). */
export function configSchema() {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '年报助手配置文件（.nianbao.jsonc）',
    type: 'object',
    // VS Code's own extensions to JSON schema: `.nianbao.json` may have comments too.
    allowComments: true,
    allowTrailingCommas: true,
    properties: {
      $schema: { type: 'string' },
      ...Object.fromEntries(Object.entries(CONFIG_KEYS).map(([name, key]) => [name, { markdownDescription: key.description, ...key.schema }])),
    },
    // An unknown name is flagged on the name, with a message that is not also the one for a wrong type.
    propertyNames: { enum: ['$schema', ...Object.keys(CONFIG_KEYS)], errorMessage: `未知的配置项，可用的配置项：${KEY_LIST}` },
    errorMessage: '配置文件应为一个 JSON 对象',
  };
}

export interface ConfigProblem { range: Range; message: string }

/** jsonc-parser's errors, in words. */
const SYNTAX: Record<string, string> = {
  InvalidSymbol: '无法识别的内容', InvalidNumberFormat: '数字格式不对', PropertyNameExpected: '这里应为带引号的键名',
  ValueExpected: '这里应有一个值', ColonExpected: '键名后应有冒号', CommaExpected: '两项之间应有逗号',
  CloseBraceExpected: '缺少右花括号 }', CloseBracketExpected: '缺少右方括号 ]', EndOfFileExpected: '对象结束后还有多余的内容',
  InvalidCommentToken: '注释写法不对', UnexpectedEndOfComment: '注释没有结束（缺少 */）', UnexpectedEndOfString: '字符串没有结束（缺少引号）',
  UnexpectedEndOfNumber: '数字不完整', InvalidUnicode: 'Unicode 转义写法不对', InvalidEscapeCharacter: '转义字符写法不对',
  InvalidCharacter: '字符串中有不允许的控制字符',
};

/** The values of a configuration file's text, the entries that are wrong left out and reported. */
export function parseConfig(text: string): { values: ConfigValues; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  // Nothing but blanks and comments yet: an empty configuration, not a mistake.
  if (!root && errors.every(e => printParseErrorCode(e.error) === 'ValueExpected' && e.offset >= text.trimEnd().length)) return { values: {}, problems: [] };
  const found: Array<{ offset: number; length: number; message: string }> = errors.map(e => ({
    offset: e.offset, length: e.length, message: `JSON 格式错误：${SYNTAX[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}`,
  }));
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  if (root && root.type !== 'object') problems.push({ node: root, message: `配置文件应为一个 JSON 对象，例如 { "rules": { "cell-empty": "off" } }` });
  else {
    for (const { key, value } of properties(root ?? { type: 'object', offset: 0, length: 0 })) {
      const name: string = key.value;
      if (name === '$schema') continue;
      if (!Object.hasOwn(CONFIG_KEYS, name)) problems.push({ node: key, message: `未知的配置项「${name}」，可用的配置项：${KEY_LIST}` });
      else if (value) {
        const v = CONFIG_KEYS[name as keyof Keys].read(value, name, problems);
        if (v !== undefined) values[name] = v;
      }
    }
  }
  for (const p of problems) found.push({ offset: p.node.offset, length: p.node.length, message: p.message });
  const lines = new LineIndex(text);
  found.sort((a, b) => a.offset - b.offset);
  return {
    values,
    problems: found.map(f => ({ range: { start: lines.position(f.offset), end: lines.position(f.offset + f.length) }, message: f.message })),
  };
}

export interface LoadedConfig {
  /** Absolute path. */
  file: string;
  values: ConfigValues;
  problems: ConfigProblem[];
  /** Why the file could not be read at all. */
  unreadable?: string;
}

/** Strict, and drops a byte order mark. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Read as UTF-8, as JSON is written (RFC 8259) and every editor saves it. */
export function loadConfig(file: string): LoadedConfig {
  const absolute = path.resolve(file);
  const failed = (why: string): LoadedConfig => ({ file: absolute, values: {}, problems: [], unreadable: `无法读取配置文件：${why}` });
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (err) {
    return failed(readError(err));
  }
  try {
    return { file: absolute, ...parseConfig(UTF8.decode(bytes)) };
  } catch {
    return failed('不是有效的 UTF-8 文本，请以 UTF-8 编码保存');
  }
}

/** The nearest configuration file from `dir` upwards, up to `stop` (inclusive) or the file system's root. */
export function findConfigFile(dir: string, stop?: string): string | undefined {
  const last = stop === undefined ? undefined : path.resolve(stop);
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const name of CONFIG_NAMES) if (isFile(path.join(d, name))) return path.join(d, name);
    if (d === last || path.dirname(d) === d) return undefined;
  }
}

/** What applies to a file. */
export interface ResolvedConfig {
  check: CheckOptions;
  include: Patterns;
  exclude: Patterns;
  /** The configuration file that applied, if any. */
  config?: LoadedConfig;
}

/**
 * The options for the files under `config`, with `over` (command-line flags, editor settings the
 * user set) winning over the file: key by key, and rule by rule within `rules`. Patterns from the
 * file are relative to its directory; patterns from `over` match anywhere, as settings do.
 */
export function resolveConfig(config: LoadedConfig | undefined, over: ConfigValues = {}): ResolvedConfig {
  const file = config?.values ?? {};
  const patterns = (key: 'include' | 'exclude'): Patterns =>
    over[key] ? { globs: over[key] } : file[key] && config ? { globs: file[key], base: path.dirname(config.file) } : NO_PATTERNS;
  return {
    check: { severities: { ...file.rules, ...over.rules }, defaultFormat: over.defaultTemplate ?? file.defaultTemplate },
    include: patterns('include'),
    exclude: patterns('exclude'),
    config,
  };
}
