// The configuration file as the command line and the server read it: what a team writes in
// `.nianbao.jsonc`, which file applies to which report, and what a mistake in it is called.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import iconv from 'iconv-lite';
import { findConfigFile, loadConfig, parseConfig, resolveConfig } from '../../server/src/config';
import { selects } from '../../server/src/globs';
import { tempDirs } from '../helpers';

const workdir = tempDirs('nianbao-config-');

/** "line:col message", 1-based as the command line prints them. */
const problems = (text: string) => parseConfig(text).problems.map(p => `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1} ${p.message}`);

const TEAM = `{
  // 县政府办公室的约定
  "$schema": "./node_modules/nianbao/schemas/nianbao-config.schema.json",
  "rules": {
    "cell-empty": "off",
    "duplicate-word": "warning", // 重复词语也要改
  },
  "defaultTemplate": "2019",
  "include": ["**/*.txt"],
  "exclude": ["草稿/**"],
}
`;

describe('parseConfig', () => {
  test('comments, trailing commas and $schema are fine; every key is read', () => {
    assert.deepEqual(parseConfig(TEAM), {
      values: { rules: { 'cell-empty': 'off', 'duplicate-word': 'warning' }, defaultTemplate: '2019', include: ['**/*.txt'], exclude: ['草稿/**'] },
      problems: [],
    });
  });

  test('an empty file, or one with only a comment, is an empty configuration', () => {
    assert.deepEqual(parseConfig(''), { values: {}, problems: [] });
    assert.deepEqual(parseConfig('// 以后再写\n'), { values: {}, problems: [] });
  });

  test('each wrong entry is named on its own range and left out; the good ones are kept', () => {
    const text = `{
  "rules": { "cell-emtpy": "off", "table-layout": "of", "cell-empty": 0, "duplicate-word": "error" },
  "defaultTemplate": "2020",
  "include": "*.txt",
  "exclude": ["草稿/**", 3],
  "rule": {}
}`;
    assert.deepEqual(problems(text), [
      '2:14-2:26 未知的规则代码「cell-emtpy」',
      '2:51-2:55 规则 table-layout 的级别应为 off、info、warning 或 error，而不是「of」',
      '2:71-2:72 规则 cell-empty 的级别应为 off、info、warning 或 error',
      '3:22-3:28 defaultTemplate 应为 "2021" 或 "2019"，而不是「2020」',
      '4:14-4:21 include 应为 glob 模式的数组，例如 ["**/*.txt"]',
      '5:24-5:25 glob 模式应为字符串',
      '6:3-6:9 未知的配置项「rule」，可用的配置项：rules、defaultTemplate、include、exclude',
    ]);
    assert.deepEqual(parseConfig(text).values, { rules: { 'duplicate-word': 'error' }, exclude: ['草稿/**'] });
  });

  test('JSON mistakes are reported where they are, in words', () => {
    assert.deepEqual(problems('{\n  "rules": { "cell-empty": "off" }\n  "defaultTemplate": "2019"\n}'), ['3:3-3:20 JSON 格式错误：两项之间应有逗号']);
    assert.deepEqual(problems('{ "rules": { "cell-empty": "off" }'), ['1:35-1:35 JSON 格式错误：缺少右花括号 }']);
    assert.deepEqual(problems('["cell-empty"]'), ['1:1-1:15 配置文件应为一个 JSON 对象，例如 { "rules": { "cell-empty": "off" } }']);
  });
});

describe('finding and reading the file', () => {
  test('the nearest file wins, .nianbao.jsonc before .nianbao.json in one directory; the search stops at `stop`', () => {
    const dir = workdir({ '.nianbao.jsonc': '{}', 'a/.nianbao.json': '{}', 'a/.nianbao.jsonc': '{}', 'a/b/c/x.md': '', 'd/x.md': '' });
    assert.equal(findConfigFile(path.join(dir, 'a/b/c')), path.join(dir, 'a/.nianbao.jsonc'));
    assert.equal(findConfigFile(path.join(dir, 'd')), path.join(dir, '.nianbao.jsonc'));
    assert.equal(findConfigFile(path.join(dir, 'd'), path.join(dir, 'd')), undefined);
    assert.equal(findConfigFile(path.join(dir, 'd'), dir), path.join(dir, '.nianbao.jsonc'));
  });

  test('UTF-8 with a byte order mark is read; other encodings are named as the problem', () => {
    const dir = workdir({
      'bom/.nianbao.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"exclude": ["草稿/**"]}')]),
      'gbk/.nianbao.json': iconv.encode('{"exclude": ["草稿/**"]}', 'gbk'),
    });
    assert.deepEqual(loadConfig(path.join(dir, 'bom/.nianbao.json')).values, { exclude: ['草稿/**'] });
    const gbk = loadConfig(path.join(dir, 'gbk/.nianbao.json'));
    assert.deepEqual([gbk.values, gbk.unreadable], [{}, '无法读取配置文件：不是有效的 UTF-8 文本，请以 UTF-8 编码保存']);
    assert.equal(loadConfig(path.join(dir, 'none.jsonc')).unreadable, '无法读取配置文件：找不到该文件或目录');
  });
});

describe('resolveConfig', () => {
  const dir = '/srv/年报';
  const config = { file: `${dir}/.nianbao.jsonc`, ...parseConfig(TEAM) };

  test('what is set over the file wins key by key, and rule by rule', () => {
    const r = resolveConfig(config, { rules: { 'cell-empty': 'warning' }, defaultTemplate: '2021' });
    assert.deepEqual(r.check, { severities: { 'cell-empty': 'warning', 'duplicate-word': 'warning' }, defaultFormat: '2021' });
    assert.deepEqual(resolveConfig(undefined, { rules: { 'cell-empty': 'off' } }).check, { severities: { 'cell-empty': 'off' }, defaultFormat: undefined });
  });

  test('the file\'s patterns are relative to its directory; patterns set over it match anywhere', () => {
    const r = resolveConfig(config);
    const md = (f: string) => selects(f, r, f.endsWith('.md'));
    assert.equal(md(`${dir}/2024年度报告.md`), true);
    assert.equal(md(`${dir}/县直/2024年度报告.txt`), true, '**/*.txt');
    assert.equal(md(`${dir}/草稿/2024年度报告.md`), false, '草稿/**');
    assert.equal(md(`${dir}/县直/草稿/2024年度报告.md`), true, '草稿/** is anchored at the file\'s directory');
    assert.equal(md(`${dir}/说明.docx`), false);
    const settings = resolveConfig(config, { exclude: ['草稿/**'] });
    assert.equal(selects(`${dir}/县直/草稿/2024年度报告.md`, settings, true), false, 'a setting\'s pattern matches anywhere');
    assert.equal(selects(`${dir}/县直/2024年度报告.txt`, settings, false), true, 'the file\'s include still applies');
  });
});
