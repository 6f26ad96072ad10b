// What goes wrong reading a file, in the user's words. Apart from files.ts, so that code reading
// only UTF-8 (configuration files, in the extension's preview too) does not bundle the tables of
// the encodings files.ts decodes.
import { statSync } from 'node:fs';

/** A file that cannot be read as text; the message is for the user and names no path. */
export class DecodeError extends Error {}

export function isFile(p: string): boolean {
  try { return statSync(p).isFile(); } catch { return false; }
}

/** Why a file could not be read, for the user (no path). */
export function readError(err: unknown): string {
  if (err instanceof DecodeError) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '找不到该文件或目录';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EISDIR') return '是目录，不是文件';
  return `无法读取：${err instanceof Error ? err.message : String(err)}`;
}
