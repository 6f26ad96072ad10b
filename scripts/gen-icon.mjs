// Draws images/icon.png (128×128): a red rounded square, a white sheet with a table grid, and a
// check mark. No image library: pixels are computed (4×4 supersampled) and written with zlib.
// Run: node scripts/gen-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128, SS = 4;
const RED = [183, 28, 28], WHITE = [255, 255, 255], GRID = [198, 120, 120], GOLD = [255, 193, 7], DARK = [120, 12, 12];

const inRounded = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const nearSegment = (x, y, ax, ay, bx, by, w) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= w * w;
};

/** Colour and coverage of one sample point; later layers paint over earlier ones. */
function sample(x, y) {
  if (!inRounded(x, y, 4, 4, 124, 124, 22)) return null;
  let c = RED;
  if (inRounded(x, y, 26, 18, 94, 110, 6)) {
    c = WHITE;
    const gridY = y > 34 && y < 102 && (Math.abs((y - 36) % 16) < 1.6);
    const gridX = x > 32 && x < 88 && y > 36 && y < 100 && (Math.abs(x - 52) < 1.2 || Math.abs(x - 70) < 1.2);
    if ((gridY && x > 32 && x < 88) || gridX) c = GRID;
  }
  if ((x - 92) ** 2 + (y - 92) ** 2 <= 24 ** 2) c = GOLD;
  if (nearSegment(x, y, 80, 92, 89, 102, 4) || nearSegment(x, y, 89, 102, 105, 82, 4)) c = DARK;
  return c;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
      const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
      if (c) { acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3]++; }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    const n = acc[3];
    raw[o] = n ? Math.round(acc[0] / n) : 0; raw[o + 1] = n ? Math.round(acc[1] / n) : 0; raw[o + 2] = n ? Math.round(acc[2] / n) : 0;
    raw[o + 3] = Math.round((255 * n) / (SS * SS));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = buf => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
