// Draws the app icon from one description into build/icon.svg and build/icon.png (and the tray
// icons), so they
// never drift apart and the PNG needs no SVG renderer (or network) to produce. Run with
// `npm run icon` after changing the shapes below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fromRoot } from './lib/paths';

/** Design grid: every coordinate below is in a 1024-unit square. */
const GRID = 1024;
/** electron-builder derives the .icns and .ico sizes from this one image. */
const PNG_SIZE = 1024;
/** Samples per pixel along each axis, for anti-aliased edges. */
const SUPERSAMPLE = 4;

type Rgb = [number, number, number];
type Shape =
  | { kind: 'roundRect'; x: number; y: number; w: number; h: number; r: number; fill: Rgb }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: Rgb }
  | { kind: 'triangle'; points: [number, number][]; fill: Rgb };

// The renderer's accent colour (--accent in renderer/src/styles/tokens.css).
const ACCENT: Rgb = [79, 70, 229];
const WHITE: Rgb = [255, 255, 255];

// A chat bubble with three typing dots on a rounded tile, painted in order.
const SHAPES: Shape[] = [
  { kind: 'roundRect', x: 64, y: 64, w: 896, h: 896, r: 200, fill: ACCENT },
  { kind: 'roundRect', x: 212, y: 262, w: 600, h: 420, r: 120, fill: WHITE },
  { kind: 'triangle', points: [[330, 640], [470, 640], [300, 800]], fill: WHITE },
  { kind: 'circle', cx: 372, cy: 472, r: 46, fill: ACCENT },
  { kind: 'circle', cx: 512, cy: 472, r: 46, fill: ACCENT },
  { kind: 'circle', cx: 652, cy: 472, r: 46, fill: ACCENT },
];

const hex = ([r, g, b]: Rgb) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

function toSvg(shapes: Shape[]): string {
  const body = shapes.map((shape) => {
    switch (shape.kind) {
      case 'roundRect':
        return `<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}" rx="${shape.r}" fill="${hex(shape.fill)}"/>`;
      case 'circle':
        return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${hex(shape.fill)}"/>`;
      case 'triangle':
        return `<polygon points="${shape.points.map((p) => p.join(',')).join(' ')}" fill="${hex(shape.fill)}"/>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${GRID} ${GRID}" width="${GRID}" height="${GRID}">\n  ${body.join('\n  ')}\n</svg>\n`;
}

function contains(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'roundRect': {
      // Distance to the rectangle shrunk by the radius, compared with the radius.
      const dx = Math.max(shape.x + shape.r - x, 0, x - (shape.x + shape.w - shape.r));
      const dy = Math.max(shape.y + shape.r - y, 0, y - (shape.y + shape.h - shape.r));
      return dx * dx + dy * dy <= shape.r * shape.r;
    }
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'triangle': {
      const [a, b, c] = shape.points as [[number, number], [number, number], [number, number]];
      const side = (p: [number, number], q: [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
      const s1 = side(a, b);
      const s2 = side(b, c);
      const s3 = side(c, a);
      return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    }
  }
}

/** RGBA pixels, premultiplied per sample and averaged. */
function rasterize(shapes: Shape[], size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = GRID / size;
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) * scale;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) * scale;
          let top: Rgb | null = null;
          for (const shape of shapes) if (contains(shape, x, y)) top = shape.fill;
          if (top) {
            r += top[0];
            g += top[1];
            b += top[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function toPng(rgba: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The tray icon, plain and with an unread dot, and the dot alone as the Windows taskbar overlay.
// They ship with the renderer's static files, which the packaged app reads them from.
const UNREAD: Rgb = [220, 38, 38];
const DOT: Shape = { kind: 'circle', cx: 800, cy: 224, r: 200, fill: UNREAD };
const TRAY_SIZE = 32;
const TRAY_SHAPES: Shape[] = [...SHAPES, { ...DOT, r: 236, fill: WHITE }, DOT];
const OVERLAY_SHAPES: Shape[] = [{ kind: 'circle', cx: 512, cy: 512, r: 448, fill: UNREAD }];

writeFileSync(fromRoot('build', 'icon.svg'), toSvg(SHAPES));
writeFileSync(fromRoot('build', 'icon.png'), toPng(rasterize(SHAPES, PNG_SIZE), PNG_SIZE));
mkdirSync(fromRoot('renderer', 'public', 'tray'), { recursive: true });
writeFileSync(fromRoot('renderer', 'public', 'tray', 'tray.png'), toPng(rasterize(SHAPES, TRAY_SIZE), TRAY_SIZE));
writeFileSync(fromRoot('renderer', 'public', 'tray', 'tray-unread.png'), toPng(rasterize(TRAY_SHAPES, TRAY_SIZE), TRAY_SIZE));
writeFileSync(fromRoot('renderer', 'public', 'tray', 'overlay.png'), toPng(rasterize(OVERLAY_SHAPES, 16), 16));
console.log('Wrote build/icon.svg, build/icon.png and the tray icons in renderer/public/tray/.');
