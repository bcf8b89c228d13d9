/**
 * Business-card photos → text → card fields, with tesseract.js fully offline: the English model
 * comes from the `@tesseract.js-data/eng` npm package on disk (never a CDN), nothing is cached in
 * the working directory, and the worker is terminated after each card. tesseract.js is loaded by
 * dynamic import, so commands that never read a card do not pay for it.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import type { CaptureBundle } from '../../core/capture/bundle';
import { type CardFields, cardBundle, readCardFields } from '../../core/capture/card';
import { AppError, invalid } from '../../core/errors';

/** Largest image read: 20 MB (a phone photo is 2–8 MB). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface CardReading {
  /** What OCR read, line by line. */
  text: string;
  fields: CardFields;
  /** Tesseract's mean confidence, 0–100. */
  confidence: number;
  bundle: CaptureBundle;
}

/** The directory holding `eng.traineddata.gz` (integer "best" LSTM model: accurate and small). */
export function englishModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** PNG, JPEG, GIF, BMP, WebP or TIFF, by their first bytes. */
function isImage(bytes: Uint8Array): boolean {
  const b = (i: number): number => bytes[i] ?? -1;
  return (
    (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) ||
    (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) ||
    (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) ||
    (b(0) === 0x42 && b(1) === 0x4d) ||
    (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45) ||
    (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a) ||
    (b(0) === 0x4d && b(1) === 0x4d && b(3) === 0x2a)
  );
}

async function loadImage(image: string | Uint8Array): Promise<Buffer> {
  if (typeof image !== 'string') {
    if (image.byteLength > MAX_IMAGE_BYTES)
      throw invalid('The image is over 20 MB; use a smaller photo.', 'file');
    return Buffer.from(image);
  }
  const info = await stat(image).catch(() => null);
  if (!info?.isFile()) throw invalid(`${image}: no such file.`, 'file');
  if (info.size > MAX_IMAGE_BYTES) throw invalid(`${image} is over 20 MB; use a smaller photo.`, 'file');
  return readFile(image);
}

/**
 * OCR a business-card image (a path or the bytes) and split it into fields. Throws
 * AppError('invalid-input') when the input is not an image or cannot be read.
 */
export async function readCardImage(
  image: string | Uint8Array,
  options: { defaultCountry?: CountryCode } = {},
): Promise<CardReading> {
  const bytes = await loadImage(image);
  if (!isImage(bytes)) throw invalid('The file is not a PNG, JPEG, GIF, BMP, WebP or TIFF image.', 'file');
  const { createWorker, OEM } = await import('tesseract.js');
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: englishModelDir(),
    gzip: true,
    cacheMethod: 'none',
  }).catch((e: unknown) => {
    throw new AppError(
      'unavailable',
      `The OCR engine could not start: ${e instanceof Error ? e.message : String(e)}`,
    );
  });
  try {
    const result = await worker.recognize(bytes).catch((e: unknown) => {
      throw invalid(`The image could not be read: ${e instanceof Error ? e.message : String(e)}`, 'file');
    });
    const text = result.data.text;
    const fields = readCardFields(text, options.defaultCountry);
    return { text, fields, confidence: result.data.confidence, bundle: cardBundle(fields) };
  } finally {
    await worker.terminate();
  }
}
