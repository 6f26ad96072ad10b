// The `nianbao.*` settings as the server uses them. What a client sends is read defensively (a
// value of the wrong type counts as not set), and only what it sends is taken as the user's
// choice: the rest comes from the document's configuration file, then from the defaults.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfigFile, loadConfig, resolveConfig, type LoadedConfig, type ResolvedConfig } from '../config';
import { ALL_RULES, isSeveritySetting, type RuleCode, type SeveritySetting } from '../engine';
import { selects } from '../globs';

/** The settings a client can send, as the extension contributes them. */
export interface EditorSettings {
  enable: boolean;
  rules: Partial<Record<RuleCode, SeveritySetting>>;
  defaultTemplate: '2019' | '2021';
  inlayHints: boolean;
  run: 'onType' | 'onSave';
  include: string[];
  exclude: string[];
  /** Read the reports of the workspace folders that are not open (workspace diagnostics, checks across reports). */
  workspaceDiagnostics: boolean;
}

/** Their defaults (the manifest's, which test/unit/manifest.test.ts holds to these). */
export const SETTING_DEFAULTS: EditorSettings = {
  enable: true, rules: {}, defaultTemplate: '2021', inlayHints: true, run: 'onType', include: [], exclude: [], workspaceDiagnostics: true,
};

/** What applies to one document. */
export interface Settings extends ResolvedConfig {
  enable: boolean;
  inlayHints: boolean;
  run: 'onType' | 'onSave';
  workspaceDiagnostics: boolean;
}

const CODES = new Set<string>(ALL_RULES.map(r => r.id));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : undefined);
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined => (values.includes(v as T) ? (v as T) : undefined);
const boolean = (v: unknown) => (typeof v === 'boolean' ? v : undefined);

/** The settings a client sent (a `nianbao` object, or a whole settings tree that has one): only those set, and of the right type. */
export function readSettings(raw: unknown): Partial<EditorSettings> {
  const v = isObject(raw) && isObject(raw.nianbao) ? raw.nianbao : raw;
  if (!isObject(v)) return {};
  const rules = isObject(v.rules)
    ? Object.fromEntries(Object.entries(v.rules).filter(([code, sev]) => CODES.has(code) && isSeveritySetting(sev)))
    : undefined;
  const read: Partial<EditorSettings> = {
    enable: boolean(v.enable),
    rules,
    defaultTemplate: oneOf(v.defaultTemplate, ['2019', '2021']),
    inlayHints: boolean(v.inlayHints),
    run: oneOf(v.run, ['onType', 'onSave']),
    include: strings(v.include),
    exclude: strings(v.exclude),
    workspaceDiagnostics: boolean(v.workspaceDiagnostics),
  };
  return Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined));
}

/**
 * A document's settings: those the client sent win over the configuration file (rule by rule),
 * the file over the defaults. The merge is here because only the server finds the file for
 * every editor; a client sends only what its user set (the VS Code extension leaves VS Code's
 * defaults out, see client/src/extension.ts), so a default never hides the file's choice.
 */
export function documentSettings(user: Partial<EditorSettings>, config?: LoadedConfig): Settings {
  const { enable, inlayHints, run, workspaceDiagnostics } = { ...SETTING_DEFAULTS, ...user };
  return { ...resolveConfig(config, user), enable, inlayHints, run, workspaceDiagnostics };
}

export const DEFAULT_SETTINGS: Settings = documentSettings({});

/** The file system path of a `file:` URI, else the URI's path part, decoded. */
export function uriPath(uri: string): string {
  try {
    const url = new URL(uri);
    return url.protocol === 'file:' ? fileURLToPath(url) : decodeURIComponent(url.pathname);
  } catch {
    return uri;
  }
}

/**
 * The configuration file of a document: the nearest one up to the workspace folder that holds
 * it (the editor watches no further), or up to the root for a file outside every folder.
 */
export function configFor(uri: string, folders: string[]): LoadedConfig | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const file = uriPath(uri);
  const inside = (dir: string) => {
    const rel = path.relative(dir, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  // The innermost folder, for folders nested in one another.
  const folder = folders.filter(inside).sort((a, b) => b.length - a.length)[0];
  const found = findConfigFile(path.dirname(file), folder);
  return found ? loadConfig(found) : undefined;
}

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;

/**
 * Whether a document is a candidate at all: excluded never, included always (whatever its
 * language), otherwise Markdown. Whether a candidate is an annual report is then up to its content.
 */
export function isCandidate(uri: string, languageId: string, s: Settings): boolean {
  if (!s.enable) return false;
  const file = uriPath(uri);
  return selects(file, s, languageId === 'markdown' || MARKDOWN_FILE.test(file));
}
