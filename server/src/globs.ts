// Which files are checked: `include` and `exclude` glob patterns, from editor settings (matched
// anywhere in a path) or from a configuration file (relative to the file's directory).
import path from 'node:path';

export interface Patterns {
  globs: string[];
  /** The directory the patterns are relative to (a configuration file's); absent, they match anywhere in a path. */
  base?: string;
}

export const NO_PATTERNS: Patterns = { globs: [] };

/**
 * Glob → RegExp for file patterns: `**` any number of folders, `*` and `?` within one path
 * segment, `{a,b}` alternatives. A pattern without a slash matches the file name in any folder,
 * the way `.gitignore` and `files.exclude` users expect. `anchored`: the pattern starts where the
 * path does, else at any folder. (node's path.matchesGlob is experimental in Node 20 and prints
 * a warning on first use.)
 */
export function globToRegExp(glob: string, anchored = false): RegExp {
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
  return new RegExp(`${anchored ? '^' : '(?:^|/)'}${re}$`, 'u');
}

const compiled = new Map<string, RegExp>();

function regExp(glob: string, anchored: boolean): RegExp {
  const key = `${anchored ? '^' : ''}${glob}`;
  let re = compiled.get(key);
  if (!re) compiled.set(key, (re = globToRegExp(glob, anchored)));
  return re;
}

const slashes = (p: string) => p.replace(/\\/g, '/');

export function matches(file: string, p: Patterns): boolean {
  if (p.globs.length === 0) return false;
  const subject = slashes(p.base === undefined ? file : path.relative(p.base, file));
  return p.globs.some(g => regExp(g, p.base !== undefined).test(subject));
}

/** Whether a file is checked: never when excluded, always when included, otherwise as `byDefault` says. */
export function selects(file: string, p: { include: Patterns; exclude: Patterns }, byDefault: boolean): boolean {
  if (matches(file, p.exclude)) return false;
  return byDefault || matches(file, p.include);
}
