/**
 * The capture test files, all inside this repository (test/fixtures, with SOURCES.md saying where
 * each came from): a clone with nothing beside it runs every test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');

/** A file under test/fixtures (e.g. `calendar/google-onsite-loop.ics`), as bytes. */
export const fixture = (path: string): Buffer => readFileSync(join(repoRoot, 'test', 'fixtures', path));

/** A file under test/fixtures/capture, as bytes. */
export const captureFixture = (name: string): Buffer =>
  readFileSync(join(repoRoot, 'test', 'fixtures', 'capture', name));

/**
 * A hostile invite written for the tests, not a real-world file: day 40 of December, which a
 * lenient parser rolls over into January. The import must refuse it, naming the line and field.
 */
export const IMPOSSIBLE_DATE_INVITE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:x@fabrikam.example',
  'ORGANIZER;CN=Lena Fischer:mailto:lena.fischer@fabrikam.example',
  'SUMMARY:Hiring manager interview',
  'DTSTART:20261240T100000Z',
  'DTEND:20261240T110000Z',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

/** ImageMagick's real `convert` (the one on PATH may be a stand-in). */
export const CONVERT = '/usr/bin/convert';

/** Why card-image tests cannot run here, or null. Throws when CI requires system packages. */
export function imageMagickSkipReason(): string | null {
  if (existsSync(CONVERT)) return null;
  const reason = `ImageMagick is not installed (${CONVERT} missing; apt-get install imagemagick)`;
  if (process.env.AFTERVIEW_REQUIRE_SYSTEM_DEPS === '1')
    throw new Error(`${reason}, and AFTERVIEW_REQUIRE_SYSTEM_DEPS=1`);
  return reason;
}

/**
 * Render a business card with known text to `path`: DejaVu Sans on white, turned by `angle`
 * degrees, with Gaussian noise from a fixed seed (the same image every run).
 */
export function renderCard(
  path: string,
  lines: Array<[string, number]>,
  angle: number,
  width = 1050,
): string {
  const args = [
    '-size',
    `${width}x${Math.round(width * 0.57)}`,
    'xc:white',
    '-fill',
    'black',
    '-font',
    'DejaVu-Sans',
  ];
  let y = Math.round(width * 0.1);
  for (const [text, size] of lines) {
    const scaled = Math.round((size * width) / 1050);
    args.push('-pointsize', String(scaled), '-annotate', `+${Math.round(width * 0.07)}+${y}`, text);
    y += Math.round(scaled * 1.7);
  }
  args.push(
    '-seed',
    '7',
    '-attenuate',
    '0.4',
    '+noise',
    'Gaussian',
    '-background',
    'white',
    '-rotate',
    String(angle),
    path,
  );
  execFileSync(CONVERT, args);
  return path;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer): number => {
  let crc = 0xffffffff;
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

/** One PNG chunk with its length and a correct CRC. */
export function pngChunk(type: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/**
 * A PNG made of a signature, an IHDR claiming `width` × `height` (8-bit RGB) and the given chunks
 * after it. With no chunks but IEND it is the 45-byte "decompression bomb" header of issue 9.
 */
export function pngWithHeader(width: number, height: number, after: Buffer[] = [pngChunk('IEND')]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', ihdr), ...after]);
}

/** A well-formed 100 × 100 PNG whose image data is noise: it passes the header checks, then fails to decode. */
export const undecodablePng = (): Buffer =>
  pngWithHeader(100, 100, [
    pngChunk('IDAT', Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 73 + 41) % 256))),
    pngChunk('IEND'),
  ]);
