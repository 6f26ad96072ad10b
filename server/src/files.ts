// Report files as users have them: UTF-8 (often with a BOM from Windows editors), UTF-16 with a
// BOM, and GBK/GB18030 from Chinese Office tools. A file is decoded strictly — a byte that
// belongs to no encoding is reported, never replaced — and written back in the encoding, BOM
// and line breaks it was read with.
import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { DecodeError, isFile } from './fileErrors';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Shown to users when a file was not plain UTF-8. */
export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030（GBK）',
};

export interface Decoded { text: string; encoding: Encoding }


/** "字节偏移 12 处的 0xFF 无效", or the end of the file when a sequence is cut short there. */
const invalidAt = (bytes: Uint8Array, at: number) =>
  at < bytes.length ? `字节偏移 ${at} 处的 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} 无效` : `文件末尾（字节偏移 ${at}）的字节序列不完整`;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(bytes, 3), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes, 'utf-16be'), encoding: 'utf-16be' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodeError(`不是文本文件（字节偏移 ${nul} 处为 NUL 字节）`);
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    const gbError = invalidGb18030(bytes);
    if (gbError === undefined) return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
    const utf8Error = invalidUtf8(bytes, 0);
    throw new DecodeError(
      `无法解码：既不是有效的 UTF-8（${invalidAt(bytes, utf8Error)}），` +
      `也不是有效的 GB18030/GBK（${invalidAt(bytes, gbError)}）`,
    );
  }
}

function strictUtf8(bytes: Uint8Array, from: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
  } catch {
    const at = invalidUtf8(bytes, from);
    throw new DecodeError(`文件以 UTF-8 BOM 开头，但不是有效的 UTF-8：${invalidAt(bytes, at)}`);
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  if (bytes.length % 2 !== 0) throw new DecodeError(`文件以 ${name} BOM 开头，但长度为奇数（${bytes.length} 字节），末尾不完整`);
  const units = bytes.length / 2;
  const unit = (i: number) => (encoding === 'utf-16le' ? bytes[2 * i] | (bytes[2 * i + 1] << 8) : (bytes[2 * i] << 8) | bytes[2 * i + 1]);
  for (let i = 1; i < units; i++) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < units && unit(i + 1) >= 0xdc00 && unit(i + 1) <= 0xdfff) { i++; continue; }
    if (u >= 0xd800 && u <= 0xdfff) throw new DecodeError(`文件以 ${name} BOM 开头，但字节偏移 ${2 * i} 处有不成对的代理项，不是有效的 ${name}`);
  }
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}

/** Offset of the first byte that cannot start, or cannot continue, a well-formed UTF-8 sequence. */
function invalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number, min: number, max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = b === 0xe0 ? 0xa0 : 0x80; if (b === 0xed) max = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = b === 0xf0 ? 0x90 : 0x80; if (b === 0xf4) max = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i + k;
    }
    i += need + 1;
  }
  return i;
}

/**
 * Offset of the first malformed GB18030 sequence, or undefined. Single bytes 00–7F; two bytes
 * 81–FE + 40–7E/80–FE; four bytes 81–FE 30–39 81–FE 30–39 within the two assigned ranges
 * (BMP up to 8431A439, supplementary planes 90308130–E3329A35).
 */
function invalidGb18030(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    if (b === 0x80 || b === 0xff) return i;
    const b2 = bytes[i + 1];
    if (b2 === undefined) return i;
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) { i += 2; continue; }
    const b3 = bytes[i + 2], b4 = bytes[i + 3];
    if (b2 < 0x30 || b2 > 0x39 || b3 === undefined || b3 < 0x81 || b3 > 0xfe || b4 === undefined || b4 < 0x30 || b4 > 0x39) return i;
    const linear = (((b - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
    if (linear > 39419 && (linear < 189000 || linear > 1237575)) return i;
    i += 4;
  }
  return undefined;
}

/** The bytes for `text` in `encoding`; fails rather than write something that would not read back the same. */
export function encode(text: string, encoding: Encoding): Buffer {
  const bytes = encodeRaw(text, encoding);
  if (decode(bytes).text !== text) throw new DecodeError(`无法按 ${ENCODING_NAMES[encoding]} 无损写回`);
  return bytes;
}

function encodeRaw(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030': return iconv.encode(text, 'gb18030');
  }
}

export interface TextFile extends Decoded {
  /** What the file was when read, to notice a change made while it was being checked. */
  stats: Stats;
}

export function readTextFile(file: string): TextFile {
  const bytes = readFileSync(file);
  const stats = statSync(file);
  return { ...decode(bytes), stats };
}

/**
 * Replaces a file's content all at once: a temporary file in the same directory (same file
 * system, so the rename is atomic) with the original's mode, flushed, then renamed over it. A
 * symbolic link is followed, so the link stays a link. On any failure the original is untouched.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array, readStats?: Stats): void {
  const target = realpathSync(file);
  const current = statSync(target);
  // The rename would succeed on a read-only file; its mode says it is not to be changed.
  if ((current.mode & 0o222) === 0) throw new Error('文件是只读的');
  if (readStats && (current.mtimeMs !== readStats.mtimeMs || current.size !== readStats.size)) {
    throw new Error('文件在检查期间被其他程序修改');
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.nianbao-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', current.mode & 0o7777);
    // openSync's mode is filtered by the umask; the replacement must carry the original's mode.
    fchmodSync(fd, current.mode & 0o7777);
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(temp); } catch { /* never created or already renamed */ }
    throw err;
  }
}

/**
 * The files below a directory, in no particular order, except in node_modules and
 * dot-directories; symlinked directories are not followed (no cycles). A directory that cannot
 * be read throws. The command line checks what it finds, the language server its workspace folders.
 */
export function filesBelow(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) filesBelow(full, out);
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) out.push(full);
  }
  return out;
}
