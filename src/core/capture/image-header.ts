/**
 * What an image says about itself, read from its header before anything decodes it. A 45-byte
 * PNG can claim 1,000,000 × 1,000,000 pixels: handed to a decoder, it asks for terabytes and
 * takes the process down. Reading the size first, and refusing past a pixel budget, keeps every
 * decode bounded; walking the PNG chunks and JPEG segments finds a file that is cut short before
 * OCR tries to read it.
 */
import { imageSize } from 'image-size';
import { invalid } from '../errors';

/** A business card needs no more than a 12-megapixel photo (4032 × 3024, a phone camera's). */
export const MAX_IMAGE_PIXELS = 12_500_000;
/** Longest side accepted, whatever the pixel count (a 1 × 12,000,000 strip is not a card). */
export const MAX_IMAGE_SIDE = 12_000;

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp' | 'tiff';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

const NOT_AN_IMAGE = 'The file is not a PNG, JPEG, GIF, BMP, WebP or TIFF image.';

/** The format by the first bytes, or null. */
function formatOf(b: Uint8Array): ImageFormat | null {
  const at = (i: number): number => b[i] ?? -1;
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if (at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) return 'gif';
  if (at(0) === 0x42 && at(1) === 0x4d) return 'bmp';
  if (
    at(0) === 0x52 &&
    at(1) === 0x49 &&
    at(2) === 0x46 &&
    at(3) === 0x46 &&
    at(8) === 0x57 &&
    at(9) === 0x45
  )
    return 'webp';
  if (
    (at(0) === 0x49 && at(1) === 0x49 && at(2) === 0x2a) ||
    (at(0) === 0x4d && at(1) === 0x4d && at(3) === 0x2a)
  )
    return 'tiff';
  return null;
}

const u32 = (b: Uint8Array, i: number): number =>
  (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
const u16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);

let crcTable: Uint32Array | null = null;
/** CRC-32 as PNG computes it over a chunk's type and data. */
function crc32(b: Uint8Array, from: number, to: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = from; i < to; i++) crc = (crcTable[(crc ^ (b[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** PNG: the size from IHDR (checked by its CRC), and every chunk inside the file, IDAT among them. */
function readPng(b: Uint8Array): ImageHeader {
  if (b.length < 33 || u32(b, 8) !== 13 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') {
    throw invalid('The PNG file is cut short or damaged: its header (IHDR) is missing.', 'file');
  }
  if (crc32(b, 12, 29) !== u32(b, 29)) {
    throw invalid('The PNG file is damaged: its header (IHDR) fails its checksum.', 'file');
  }
  const header: ImageHeader = { format: 'png', width: u32(b, 16), height: u32(b, 20) };
  checkBudget(header);
  let at = 33;
  let data = false;
  while (at + 8 <= b.length) {
    const length = u32(b, at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    if (at + 12 + length > b.length) break;
    if (type === 'IDAT') data = true;
    if (type === 'IEND') {
      if (!data) throw invalid('The PNG file has no image data (no IDAT chunk).', 'file');
      return header;
    }
    at += 12 + length;
  }
  throw invalid('The PNG file is cut short (truncated): it ends before its last chunk.', 'file');
}

/** JPEG: the size from the first SOFn segment, walking segment lengths; a scan and an end marker must follow. */
function readJpeg(b: Uint8Array): ImageHeader {
  let at = 2;
  let header: ImageHeader | null = null;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw invalid(`The JPEG file is damaged: no segment marker at byte ${at}.`, 'file');
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = u16(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) break;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry precision, height and width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7) break;
      header = { format: 'jpeg', width: u16(b, at + 7), height: u16(b, at + 5) };
      checkBudget(header);
    }
    if (marker === 0xda) {
      if (!header) throw invalid('The JPEG file is damaged: its image data comes before its size.', 'file');
      // The entropy-coded scan runs to the end marker; a file cut short has none near its end.
      const tail = b.subarray(Math.max(at, b.length - 65_536));
      for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return header;
      break;
    }
    at += 2 + length;
  }
  throw invalid('The JPEG file is cut short (truncated): it ends before its image data does.', 'file');
}

function checkBudget(h: ImageHeader): void {
  const size = `${h.width.toLocaleString('en-US')} × ${h.height.toLocaleString('en-US')} pixels`;
  if (h.width === 0 || h.height === 0)
    throw invalid(`The image claims to be ${size}: it is damaged.`, 'file');
  if (h.width * h.height > MAX_IMAGE_PIXELS || h.width > MAX_IMAGE_SIDE || h.height > MAX_IMAGE_SIDE) {
    throw invalid(
      `The image is ${size}; a business card needs no more than about 12 megapixels (${MAX_IMAGE_SIDE.toLocaleString('en-US')} pixels a side). Crop or resize the photo and import it again.`,
      'file',
    );
  }
}

/**
 * The format and size an image's header gives, within the pixel budget. Throws
 * AppError('invalid-input') with a sentence for a file that is not an image, is damaged or cut
 * short, or is larger than a card photo needs — before anything decodes it.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const format = formatOf(bytes);
  if (!format) throw invalid(NOT_AN_IMAGE, 'file');
  if (format === 'png') return readPng(bytes);
  if (format === 'jpeg') return readJpeg(bytes);
  let size: { width?: number; height?: number };
  try {
    // A copy: image-size reads through the buffer's ArrayBuffer, which Node may share with other data.
    size = imageSize(Uint8Array.from(bytes));
  } catch {
    throw invalid(`The ${format.toUpperCase()} file is damaged: its size cannot be read.`, 'file');
  }
  const header: ImageHeader = { format, width: size.width ?? 0, height: size.height ?? 0 };
  checkBudget(header);
  return header;
}
