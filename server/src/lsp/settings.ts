// The `nianbao.*` settings as the server uses them: whatever a client sends is read defensively
// (a wrong type falls back to the default instead of breaking checks).
import { isSeveritySetting, RULES, type CheckOptions, type RuleCode, type SeveritySetting } from '../engine';

export interface Settings {
  enable: boolean;
  rules: Partial<Record<RuleCode, SeveritySetting>>;
  defaultTemplate: '2019' | '2021';
  inlayHints: boolean;
  run: 'onType' | 'onSave';
  include: string[];
  exclude: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true, rules: {}, defaultTemplate: '2021', inlayHints: true, run: 'onType', include: [], exclude: [],
};

const CODES = new Set<string>(RULES.map(r => r.id));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : []);

/** Reads a `nianbao` settings object (or a whole settings tree that has one). */
export function readSettings(raw: unknown): Settings {
  const v = isObject(raw) && isObject(raw.nianbao) ? raw.nianbao : raw;
  if (!isObject(v)) return DEFAULT_SETTINGS;
  const rules: Settings['rules'] = {};
  if (isObject(v.rules)) {
    for (const [code, sev] of Object.entries(v.rules)) {
      if (CODES.has(code) && isSeveritySetting(sev)) rules[code as RuleCode] = sev;
    }
  }
  return {
    enable: typeof v.enable === 'boolean' ? v.enable : DEFAULT_SETTINGS.enable,
    rules,
    defaultTemplate: v.defaultTemplate === '2019' || v.defaultTemplate === '2021' ? v.defaultTemplate : DEFAULT_SETTINGS.defaultTemplate,
    inlayHints: typeof v.inlayHints === 'boolean' ? v.inlayHints : DEFAULT_SETTINGS.inlayHints,
    run: v.run === 'onSave' ? 'onSave' : 'onType',
    include: strings(v.include),
    exclude: strings(v.exclude),
  };
}

export function checkOptions(s: Settings): CheckOptions {
  return { severities: s.rules, defaultFormat: s.defaultTemplate };
}

/**
 * Glob → RegExp for file patterns: `**` any number of folders, `*` and `?` within one path
 * segment, `{a,b}` alternatives. A pattern without a slash matches the file name anywhere, the
 * way `.gitignore` and `files.exclude` users expect. (node's path.matchesGlob is experimental in
 * Node 20 and prints a warning on first use.)
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`;
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') { braces++; re += '(?:'; }
    else if (c === '}' && braces > 0) { braces--; re += ')'; }
    else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  return new RegExp(`(?:^|/)${re}$`, 'u');
}

const compiled = new Map<string, RegExp>();

export function matchesAny(path: string, globs: string[]): boolean {
  return globs.some(g => {
    let re = compiled.get(g);
    if (!re) compiled.set(g, (re = globToRegExp(g)));
    return re.test(path);
  });
}

/** The path part of a document URI, decoded, with forward slashes. */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;

/**
 * Whether a document is a candidate at all: excluded never, included always (whatever its
 * language), otherwise Markdown. Whether a candidate is an annual report is then up to its content.
 */
export function isCandidate(uri: string, languageId: string, s: Settings): boolean {
  if (!s.enable) return false;
  const path = uriPath(uri);
  if (matchesAny(path, s.exclude)) return false;
  if (matchesAny(path, s.include)) return true;
  return languageId === 'markdown' || MARKDOWN_FILE.test(path);
}
