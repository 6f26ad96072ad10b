// Writes the per-rule part of the extension manifest from the engine's ALL_RULES: the properties of
// the `nianbao.rules` setting in package.json and their strings in package.nls*.json, so a rule
// code is typed once (server/src/engine/rules); and the JSON schema of the configuration file
// (server/src/config.ts) with the same strings, contributed for `.nianbao.jsonc` and
// `.nianbao.json`. Run: npm run gen (with the grammar and snippets)
// test/unit/manifest.test.ts fails when the committed files differ from what this produces.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, configSchema } from '../server/src/config';
import { ALL_RULES, SEVERITY_SETTINGS, type Severity } from '../server/src/engine';

export const SEVERITIES = SEVERITY_SETTINGS;
const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const ruleKey = (code: string) => `config.rules.${code}`;

/** `contributes.configuration.properties["nianbao.rules"].properties`. */
export function ruleProperties(): Record<string, object> {
  return Object.fromEntries(ALL_RULES.map(r => [r.id, {
    type: 'string',
    enum: SEVERITIES,
    enumDescriptions: SEVERITIES.map(s => `%config.severity.${s}%`),
    default: r.severity,
    markdownDescription: `%${ruleKey(r.id)}%`,
  }]));
}

/** The rules' strings: Chinese from the engine's descriptions, English as the fallback. */
export function ruleStrings(): { en: Record<string, string>; zh: Record<string, string> } {
  const en: Record<string, string> = {}, zh: Record<string, string> = {};
  for (const r of ALL_RULES) {
    zh[ruleKey(r.id)] = `${r.description}（默认：${SEVERITY_ZH[r.severity]}）`;
    en[ruleKey(r.id)] = `Severity of \`${r.id}\` (default: ${r.severity}). ${r.description}`;
  }
  return { en, zh };
}

export const MANIFEST = 'package.json';
export const NLS = { en: 'package.nls.json', zh: 'package.nls.zh-cn.json' } as const;
export const SCHEMA = 'schemas/nianbao-config.schema.json';

type SchemaNode = Record<string, unknown> & { enum?: string[]; properties?: Record<string, SchemaNode> };

/**
 * The configuration file's schema: config.ts's, with the Chinese strings the settings show (a
 * schema file cannot be localised). Values of an enum are described by `config.<key>.<value>`.
 */
export function schema(zh: Record<string, string>): SchemaNode {
  const s: SchemaNode = configSchema();
  const describe = (node: SchemaNode, prefix: string) => {
    const texts = node.enum?.map(v => zh[`${prefix}.${v}`]);
    if (texts?.every(t => t !== undefined)) node.enumDescriptions = texts;
  };
  for (const [name, node] of Object.entries(s.properties!)) describe(node, `config.${name}`);
  for (const [code, node] of Object.entries(s.properties!.rules.properties!)) {
    node.markdownDescription = zh[ruleKey(code)];
    describe(node, 'config.severity');
  }
  return s;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The three files as this script writes them, from their current text. */
export function generated(read: (file: string) => string): Record<string, string> {
  const manifest = JSON.parse(read(MANIFEST));
  const rules = manifest.contributes?.configuration?.properties?.['nianbao.rules'];
  if (!rules) throw new Error(`${MANIFEST} has no contributes.configuration.properties["nianbao.rules"]`);
  rules.properties = ruleProperties();
  manifest.contributes.jsonValidation = [{ fileMatch: [...CONFIG_NAMES], url: `./${SCHEMA}` }];
  const strings = ruleStrings();
  const out: Record<string, string> = { [MANIFEST]: json(manifest) };
  const nls = { en: {}, zh: {} };
  for (const lang of ['en', 'zh'] as const) {
    // Strings of rules that no longer exist go; all others stay as they are.
    const current: Record<string, string> = JSON.parse(read(NLS[lang]));
    const kept = Object.entries(current).filter(([k]) => !k.startsWith('config.rules.') || k in strings[lang]);
    nls[lang] = { ...Object.fromEntries(kept), ...strings[lang] };
    out[NLS[lang]] = json(nls[lang]);
  }
  out[SCHEMA] = json(schema(nls.zh));
  return out;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const files = generated(f => readFileSync(path.join(root, f), 'utf8'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  console.log(`wrote ${Object.keys(files).join(', ')} (${ALL_RULES.length} rules)`);
}
