// <!-- nianbao-disable CODE --> for the whole file, <!-- nianbao-disable-next-line CODE --> for
// the next non-blank line. Without a code they silence every rule.
import type { LineIndex } from './text';

export interface Directives {
  file: Set<string>;
  lines: Map<number, Set<string>>;
}

export const ALL_RULES = '*';
const DIRECTIVE = /<!--\s*nianbao-(disable-next-line|disable)\b([^>]*?)-->/g;

export function readDirectives(lines: LineIndex): Directives {
  const d: Directives = { file: new Set(), lines: new Map() };
  if (!lines.text.includes('nianbao-disable')) return d;
  for (let n = 0; n < lines.lineCount; n++) {
    const s = lines.line(n);
    if (!s.includes('nianbao-disable')) continue;
    for (const m of s.matchAll(DIRECTIVE)) {
      const codes = m[2].split(/[\s,，]+/).filter(Boolean);
      const set = codes.length ? codes : [ALL_RULES];
      if (m[1] === 'disable') set.forEach(c => d.file.add(c));
      else {
        let target = n + 1;
        while (target < lines.lineCount && lines.line(target).trim() === '') target++;
        const existing = d.lines.get(target) ?? new Set<string>();
        set.forEach(c => existing.add(c));
        d.lines.set(target, existing);
      }
    }
  }
  return d;
}

export function isDisabled(d: Directives, code: string, line: number): boolean {
  if (d.file.has(ALL_RULES) || d.file.has(code)) return true;
  const l = d.lines.get(line);
  return l !== undefined && (l.has(ALL_RULES) || l.has(code));
}

export function isDirectiveLine(s: string): boolean {
  return /^\s*<!--.*-->\s*$/.test(s);
}
