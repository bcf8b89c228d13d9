import { describe, expect, it } from 'vitest';
import { pngChunk, pngWithHeader } from '../../../test/capture-fixtures';
import { MAX_IMAGE_PIXELS, readImageHeader } from './image-header';

const idat = pngChunk('IDAT', Buffer.from([1, 2, 3]));
const jpeg = (sofWidth: number, sofHeight: number, end = true): Buffer => {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(sofHeight, 5);
  sof.writeUInt16BE(sofWidth, 7);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xe0, 0, 4, 0, 0]),
    sof,
    Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]),
    Buffer.from([0x12, 0x34, 0x56]),
    ...(end ? [Buffer.from([0xff, 0xd9])] : []),
  ]);
};

describe('readImageHeader', () => {
  it('reads a PNG and a JPEG size from the header', () => {
    expect(readImageHeader(pngWithHeader(1050, 600, [idat, pngChunk('IEND')]))).toEqual({
      format: 'png',
      width: 1050,
      height: 600,
    });
    expect(readImageHeader(jpeg(4032, 3024))).toEqual({ format: 'jpeg', width: 4032, height: 3024 });
  });

  it('refuses the 45-byte PNG that claims 1,000,000 × 1,000,000 pixels, and a 30,000-pixel square', () => {
    expect(() => readImageHeader(pngWithHeader(1_000_000, 1_000_000))).toThrow(
      /^The image is 1,000,000 × 1,000,000 pixels; a business card needs no more than about 12 megapixels/,
    );
    expect(() => readImageHeader(pngWithHeader(30_000, 30_000, [idat, pngChunk('IEND')]))).toThrow(
      /30,000 × 30,000 pixels/,
    );
    expect(() => readImageHeader(jpeg(65_000, 65_000))).toThrow(/65,000 × 65,000 pixels/);
    expect(4032 * 3024).toBeLessThan(MAX_IMAGE_PIXELS);
  });

  it('refuses a PNG cut short, with a broken header checksum, or without image data', () => {
    const whole = pngWithHeader(100, 100, [idat, pngChunk('IEND')]);
    expect(() => readImageHeader(whole.subarray(0, whole.length - 5))).toThrow(
      'The PNG file is cut short (truncated): it ends before its last chunk.',
    );
    expect(() => readImageHeader(whole.subarray(0, 20))).toThrow(/header \(IHDR\) is missing/);
    const flipped = Buffer.from(whole);
    flipped[18] = 0x7f;
    expect(() => readImageHeader(flipped)).toThrow(/fails its checksum/);
    expect(() => readImageHeader(pngWithHeader(100, 100))).toThrow(/no image data/);
  });

  it('refuses a JPEG cut short before its size or its end, and a zero-sized one', () => {
    const whole = jpeg(800, 600);
    expect(() => readImageHeader(whole.subarray(0, 10))).toThrow(/JPEG file is cut short/);
    expect(() => readImageHeader(jpeg(800, 600, false))).toThrow(/JPEG file is cut short/);
    expect(() => readImageHeader(jpeg(0, 600))).toThrow(/0 × 600 pixels: it is damaged/);
  });

  it('refuses what is not an image at all', () => {
    expect(() => readImageHeader(new TextEncoder().encode('BEGIN:VCARD'))).toThrow(
      'The file is not a PNG, JPEG, GIF, BMP, WebP or TIFF image.',
    );
  });
});
