// A bar chart written as a PNG with nothing but Node's zlib: bars of extrinsics per block, one
// colour per kind, in the order the blocks came. Labels are drawn with a 5x7 pixel font.

import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encode an RGB `pixels` buffer of `width` x `height` as a PNG. */
function encode(width, height, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 3 + 1)] = 0;
    pixels.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// 5x7 glyphs, one row per string, for the characters labels use.
const FONT = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  '.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
  '_': ['00000', '00000', '00000', '00000', '00000', '00000', '11111'],
  ' ': ['00000', '00000', '00000', '00000', '00000', '00000', '00000'],
};
// Lower-case letters are drawn as small capitals from this table.
const LETTERS = {
  a: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  b: ['11110', '10001', '10001', '11110', '10001', '10001', '11110'],
  c: ['01110', '10001', '10000', '10000', '10000', '10001', '01110'],
  d: ['11110', '10001', '10001', '10001', '10001', '10001', '11110'],
  e: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  f: ['11111', '10000', '10000', '11110', '10000', '10000', '10000'],
  g: ['01110', '10001', '10000', '10111', '10001', '10001', '01111'],
  h: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
  i: ['01110', '00100', '00100', '00100', '00100', '00100', '01110'],
  j: ['00111', '00010', '00010', '00010', '00010', '10010', '01100'],
  k: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
  l: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
  m: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  n: ['10001', '10001', '11001', '10101', '10011', '10001', '10001'],
  o: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
  p: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  q: ['01110', '10001', '10001', '10001', '10101', '10010', '01101'],
  r: ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
  s: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
  t: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
  u: ['10001', '10001', '10001', '10001', '10001', '10001', '01110'],
  v: ['10001', '10001', '10001', '10001', '10001', '01010', '00100'],
  w: ['10001', '10001', '10001', '10101', '10101', '10101', '01010'],
  x: ['10001', '10001', '01010', '00100', '01010', '10001', '10001'],
  y: ['10001', '10001', '01010', '00100', '00100', '00100', '00100'],
  z: ['11111', '00001', '00010', '00100', '01000', '10000', '11111'],
};

const PALETTE = [
  [31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189],
  [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207],
];

/**
 * Draw `series` ([{ label, perBlock: [n, …] }]) as bars, series after series, and return the
 * PNG. The y axis runs from 0 to the largest count, marked at the top.
 */
export function barChart(series, { width = 1200, height = 500 } = {}) {
  const pixels = Buffer.alloc(width * height * 3, 255);
  const put = (x, y, [r, g, b]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const at = (y * width + x) * 3;
    pixels[at] = r;
    pixels[at + 1] = g;
    pixels[at + 2] = b;
  };
  const text = (x, y, string, colour = [0, 0, 0]) => {
    for (const [i, ch] of [...string.toLowerCase()].entries()) {
      const glyph = LETTERS[ch] ?? FONT[ch] ?? FONT[' '];
      glyph.forEach((row, dy) => [...row].forEach((bit, dx) => bit === '1' && put(x + i * 6 + dx, y + dy, colour)));
    }
  };
  const left = 50;
  const top = 20;
  const bottom = height - 30 - 12 * Math.ceil(series.length / 3);
  const blocks = series.reduce((n, s) => n + s.perBlock.length + 2, 0);
  const most = Math.max(1, ...series.flatMap((s) => s.perBlock));
  const barWidth = Math.max(1, Math.floor((width - left - 10) / Math.max(1, blocks)));
  for (let y = top; y <= bottom; y++) put(left - 1, y, [0, 0, 0]);
  for (let x = left - 1; x < width - 5; x++) put(x, bottom, [0, 0, 0]);
  text(2, top, String(most));
  text(2, bottom - 7, '0');
  let x = left;
  series.forEach((s, index) => {
    const colour = PALETTE[index % PALETTE.length];
    for (const count of s.perBlock) {
      const h = Math.round(((bottom - top) * count) / most);
      for (let dx = 0; dx < Math.max(1, barWidth - 1); dx++) {
        for (let y = bottom - h; y < bottom; y++) put(x + dx, y, colour);
      }
      x += barWidth;
    }
    x += 2 * barWidth;
    const legendX = left + (index % 3) * 380;
    const legendY = bottom + 12 + 12 * Math.floor(index / 3);
    for (let dy = 0; dy < 7; dy++) for (let dx = 0; dx < 7; dx++) put(legendX + dx, legendY + dy, colour);
    text(legendX + 12, legendY, `${s.label} max ${Math.max(0, ...s.perBlock)}`);
  });
  text(left + 4, 4, 'extrinsics per block, by kind');
  return encode(width, height, pixels);
}
