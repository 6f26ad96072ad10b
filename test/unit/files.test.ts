// Encoding detection and write-back of report files (server/src/files.ts): what is read back,
// and the message a user gets for bytes that are not text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { DecodeError } from '../../server/src/fileErrors';
import { decode, encode } from '../../server/src/files';
import { seed } from '../helpers';

const bytes = (...b: number[]) => new Uint8Array(b);
function decodeError(b: Uint8Array): string {
  try {
    decode(b);
  } catch (err) {
    assert.ok(err instanceof DecodeError, String(err));
    return err.message;
  }
  return assert.fail('decoded without an error');
}

describe('decode', () => {
  it('reads every supported encoding of a seed back to the same text', () => {
    const text = seed('004');
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const) {
      assert.deepEqual(decode(encode(text, encoding)), { text, encoding }, encoding);
    }
  });

  it('takes GBK bytes as GB18030, including characters outside GBK written in four bytes', () => {
    assert.deepEqual(decode(iconv.encode('表三 总计', 'gbk')), { text: '表三 总计', encoding: 'gb18030' });
    assert.deepEqual(decode(iconv.encode('𠀀\u00a0年', 'gb18030')), { text: '𠀀\u00a0年', encoding: 'gb18030' });
  });

  it('names the offending byte when neither UTF-8 nor GB18030 fits', () => {
    assert.equal(decodeError(bytes(0x41, 0xe5, 0xff)), '无法解码：既不是有效的 UTF-8（字节偏移 2 处的 0xFF 无效），也不是有效的 GB18030/GBK（字节偏移 1 处的 0xE5 无效）');
    // A four-byte GB18030 form past the last assigned code point.
    assert.equal(decodeError(bytes(0xfe, 0x39, 0xfe, 0x39)), '无法解码：既不是有效的 UTF-8（字节偏移 0 处的 0xFE 无效），也不是有效的 GB18030/GBK（字节偏移 0 处的 0xFE 无效）');
  });

  it('does not guess past a BOM: a broken UTF-8 or UTF-16 file after its BOM is an error', () => {
    assert.equal(decodeError(bytes(0xef, 0xbb, 0xbf, 0x41, 0xe4, 0xb8)), '文件以 UTF-8 BOM 开头，但不是有效的 UTF-8：文件末尾（字节偏移 6）的字节序列不完整');
    assert.equal(decodeError(bytes(0xff, 0xfe, 0x41)), '文件以 UTF-16 LE BOM 开头，但长度为奇数（3 字节），末尾不完整');
    assert.equal(decodeError(bytes(0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41)), '文件以 UTF-16 BE BOM 开头，但字节偏移 2 处有不成对的代理项，不是有效的 UTF-16 BE');
  });

  it('calls a file with NUL bytes binary', () => {
    assert.equal(decodeError(bytes(0x25, 0x50, 0x44, 0x46, 0x00)), '不是文本文件（字节偏移 4 处为 NUL 字节）');
  });
});
