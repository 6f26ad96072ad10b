// The extension manifest (package.json) as VS Code reads it: every string localised in both
// languages, the rule settings in step with the engine, every file it names present, and a
// package that holds only what the editor loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { CONFIG_KEYS } from '../../server/src/config';
import { ALL_RULES } from '../../server/src/engine';
import { SETTING_DEFAULTS } from '../../server/src/lsp/settings';
import { generated, MANIFEST, NLS, SCHEMA, SEVERITIES } from '../../scripts/gen-manifest';
import { REPO } from '../helpers';

const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const manifest = JSON.parse(read(MANIFEST));
const contributes = manifest.contributes;
const en: Record<string, string> = JSON.parse(read(NLS.en));
const zh: Record<string, string> = JSON.parse(read(NLS.zh));
const properties: Record<string, Record<string, unknown>> = contributes.configuration.properties;

/** Every "%key%" the manifest uses, wherever it sits. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([\w.-]+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) nlsKeys(v, out);
  return out;
}

test('every %key% of the manifest has an English and a Chinese string, and neither file has strings nobody uses', () => {
  const used = [...nlsKeys(manifest)].sort();
  for (const key of used) {
    assert.ok(en[key]?.trim(), `${NLS.en} lacks "${key}"`);
    assert.ok(zh[key]?.trim(), `${NLS.zh} lacks "${key}"`);
    assert.match(zh[key], /[\u4e00-\u9fff]/, `${NLS.zh} "${key}" is not Chinese`);
  }
  assert.deepEqual(Object.keys(en).sort(), used, `${NLS.en} keys`);
  assert.deepEqual(Object.keys(zh).sort(), used, `${NLS.zh} keys`);
});

test('every command has a localised title and category and is registered by the client; every setting has a localised description', () => {
  const registered = [...read('client/src/commands.ts').matchAll(/'(nianbao\.\w+)':/g)].map(m => m[1]).sort();
  const commands: Array<{ command: string; title: string; category: string }> = contributes.commands;
  assert.deepEqual(commands.map(c => c.command).sort(), registered);
  for (const c of commands) {
    assert.match(c.title, /^%command\./, c.command);
    assert.equal(c.category, '%category%', c.command);
  }
  assert.equal(zh['command.newReport'], '新建年度报告');
  assert.equal(zh['command.fixAll'], '修复全部');
  for (const [name, p] of Object.entries(properties)) assert.match(String(p.markdownDescription ?? p.description), /^%config\./, name);
  // Every menu entry names a contributed command or submenu.
  const ids = new Set([...commands.map(c => c.command), ...contributes.submenus.map((s: { id: string }) => s.id)]);
  for (const [menu, entries] of Object.entries(contributes.menus as Record<string, Array<{ command?: string; submenu?: string }>>)) {
    for (const e of entries) assert.ok(ids.has(e.command ?? e.submenu ?? ''), `${menu}: ${e.command ?? e.submenu}`);
  }
});

test('the settings are the ones the language server reads', () => {
  const own = Object.keys(properties).filter(k => k !== 'nianbao.trace.server').map(k => k.replace(/^nianbao\./, '')).sort();
  assert.deepEqual(own, Object.keys(SETTING_DEFAULTS).sort());
  for (const [name, value] of Object.entries(SETTING_DEFAULTS)) assert.deepEqual(properties[`nianbao.${name}`].default, value, name);
});

test('nianbao.rules has one property per engine rule, its default the rule\'s severity (npm run gen after adding a rule)', () => {
  const rules = properties['nianbao.rules'].properties as Record<string, { enum: string[]; default: string }>;
  assert.deepEqual(Object.keys(rules), ALL_RULES.map(r => r.id));
  for (const r of ALL_RULES) {
    assert.deepEqual(rules[r.id].enum, SEVERITIES, r.id);
    assert.equal(rules[r.id].default, r.severity, r.id);
  }
  const expected = generated(read);
  for (const [file, text] of Object.entries(expected)) {
    assert.equal(read(file), text, `${file} is not what scripts/gen-manifest.ts writes from the engine's ALL_RULES: run \`npm run gen\``);
  }
});

test('the configuration file\'s schema has every key and rule, with the rules\' levels and defaults, for both file names', () => {
  const schema = JSON.parse(read(SCHEMA));
  assert.deepEqual(Object.keys(schema.properties), ['$schema', ...Object.keys(CONFIG_KEYS)]);
  const rules = schema.properties.rules;
  assert.deepEqual(Object.keys(rules.properties), ALL_RULES.map(r => r.id));
  assert.deepEqual(rules.propertyNames.enum, ALL_RULES.map(r => r.id), 'an unknown code is flagged');
  for (const r of ALL_RULES) {
    assert.deepEqual(rules.properties[r.id].enum, SEVERITIES, r.id);
    assert.equal(rules.properties[r.id].default, r.severity, r.id);
    assert.equal(rules.properties[r.id].markdownDescription, zh[`config.rules.${r.id}`], r.id);
  }
  assert.deepEqual(contributes.jsonValidation, [{ fileMatch: ['.nianbao.jsonc', '.nianbao.json'], url: `./${SCHEMA}` }]);
});

test('every file the manifest contributes exists', () => {
  const files = [
    manifest.icon,
    ...contributes.grammars.map((g: { path: string }) => g.path),
    ...contributes.snippets.map((s: { path: string }) => s.path),
    ...contributes['markdown.previewStyles'],
    ...contributes.jsonValidation.map((v: { url: string }) => v.url),
  ];
  assert.ok(files.length >= 5);
  for (const f of files) assert.ok(existsSync(path.join(REPO, f)), f);
  assert.equal(contributes['markdown.markdownItPlugins'], true);
  // `main` is the bundle of client/src/extension.ts (build.mjs); the source must exist.
  assert.equal(manifest.main, './dist/extension.js');
  assert.ok(existsSync(path.join(REPO, 'client/src/extension.ts')));
});

test('the .vsix takes only the bundles, manifest, strings, grammar, snippets, configuration schema, preview and view styles, icon, rule pages, README and LICENSE', async () => {
  const files = (await listFiles({ cwd: REPO, packageManager: PackageManager.None })).map(f => f.replace(/\\/g, '/'));
  const allowed = /^(dist\/(extension|server|summaryView)\.js|syntaxes\/.+|snippets\/.+|schemas\/.+|media\/.+|docs\/rules\/[\w-]+\.md|images\/icon\.png|package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|LICENSE)$/;
  for (const f of files) assert.match(f, allowed);
  for (const f of ['package.json', NLS.en, NLS.zh, SCHEMA, 'LICENSE', manifest.icon, 'dist/summaryView.js', 'media/summary.css', ...contributes['markdown.previewStyles'].map((p: string) => p.replace(/^\.\//, ''))]) {
    assert.ok(files.includes(f), `${f} is left out`);
  }
  assert.ok(!files.some(f => /^(node_modules|client|server|test|scripts|bench)\//.test(f) || f.endsWith('.map')));
});
