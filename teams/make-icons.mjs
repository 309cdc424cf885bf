// Draws the Teams app icons (color.png 192×192, outline.png 32×32) as PNGs with node's zlib; no image packages.
// Run once with `node teams/make-icons.mjs`; the PNGs are committed. The design: a speech bubble with lines of text.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (`pixel(x, y) → [r, g, b, a]`) as a PNG. */
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True inside a rounded rectangle. */
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The bubble (body plus a tail at bottom left) in unit coordinates 0..1. */
function inBubble(u, v) {
  const body = inRoundedRect(u, v, 0.18, 0.2, 0.82, 0.68, 0.1);
  const tail = v >= 0.66 && v <= 0.84 && u >= 0.28 && u <= 0.28 + (0.84 - v) * 0.9 && u <= 0.44;
  return body || tail;
}

/** The three lines of text inside the bubble. */
function inTextLine(u, v) {
  const lines = [
    [0.3, 0.7, 0.3],
    [0.3, 0.7, 0.42],
    [0.3, 0.55, 0.54],
  ];
  return lines.some(([from, to, at]) => u >= from && u <= to && Math.abs(v - at) <= 0.035);
}

const teal = [0x1f, 0x6f, 0x8b, 0xff];
const white = [0xff, 0xff, 0xff, 0xff];
const clear = [0, 0, 0, 0];

const color = png(192, (x, y) => {
  const u = (x + 0.5) / 192;
  const v = (y + 0.5) / 192;
  if (inBubble(u, v)) return inTextLine(u, v) ? teal : white;
  return teal;
});

// The outline icon must be white on transparent; the bubble is drawn as a 2-pixel outline with its lines.
const outline = png(32, (x, y) => {
  const u = (x + 0.5) / 32;
  const v = (y + 0.5) / 32;
  if (!inBubble(u, v)) return clear;
  const edge = [
    [-2, 0],
    [2, 0],
    [0, -2],
    [0, 2],
  ].some(([dx, dy]) => !inBubble(u + dx / 32, v + dy / 32));
  return edge || inTextLine(u, v) ? white : clear;
});

writeFileSync(path.join(here, 'color.png'), color);
writeFileSync(path.join(here, 'outline.png'), outline);
console.log('wrote teams/color.png (192×192) and teams/outline.png (32×32)');
