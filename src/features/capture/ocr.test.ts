import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  imageMagickSkipReason,
  pngWithHeader,
  renderCard,
  undecodablePng,
} from '../../../test/capture-fixtures';
import { englishModelDir, readCardImage, recognizeInChild } from './ocr';

const skipReason = imageMagickSkipReason();
const dir = mkdtempSync(join(tmpdir(), 'afterview-ocr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(skipReason !== null)(`readCardImage${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('reads the email and phone of a card at a slight angle with noise, offline', async () => {
    const path = renderCard(
      join(dir, 'priya.png'),
      [
        ['Priya Raman', 44],
        ['Engineering Manager', 32],
        ['Northwind Labs', 32],
        ['priya.raman@northwind-labs.example', 32],
        ['+1 (415) 555-0123', 32],
        ['www.northwind-labs.example', 32],
      ],
      2.5,
    );
    const card = await readCardImage(path);
    expect(card.fields.email).toBe('priya.raman@northwind-labs.example');
    expect(card.fields.phone).toBe('+14155550123');
    expect(card.fields.name).toBe('Priya Raman');
    expect(card.bundle.contacts[0]).toMatchObject({
      displayName: 'Priya Raman',
      emails: ['priya.raman@northwind-labs.example'],
      phones: ['+14155550123'],
      source: 'card',
    });
    // cacheMethod 'none': nothing written into the working directory.
    expect(readdirSync(process.cwd()).filter((f) => f.endsWith('.traineddata'))).toEqual([]);
  }, 60_000);

  it('reads a second card from bytes, turned the other way', async () => {
    const path = renderCard(
      join(dir, 'diego.jpg'),
      [
        ['Diego Fernandez-Ortiz', 40],
        ['Senior Engineer', 30],
        ['diego.fernandez@northwind-labs.example', 30],
        ['Mobile: (415) 555-0177', 30],
      ],
      -2,
    );
    const { readFileSync } = await import('node:fs');
    const card = await readCardImage(readFileSync(path));
    expect(card.text).toContain('@');
    expect(card.fields.email).toBe('diego.fernandez@northwind-labs.example');
    expect(card.fields.phone).toBe('+14155550177');
  }, 60_000);
});

describe('readCardImage on bad input', () => {
  it('refuses a file that is not an image without starting OCR', async () => {
    await expect(readCardImage(new TextEncoder().encode('BEGIN:VCARD\r\n'))).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'The file is not a PNG, JPEG, GIF, BMP, WebP or TIFF image.',
    });
  });

  it('refuses an image over 20 MB and a missing path', async () => {
    await expect(readCardImage(new Uint8Array(21 * 1024 * 1024))).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(readCardImage(join(dir, 'nope.png'))).rejects.toMatchObject({
      code: 'invalid-input',
      message: `${join(dir, 'nope.png')}: no such file.`,
    });
  });

  it('refuses the 45-byte PNG that claims 1,000,000 × 1,000,000 pixels before decoding it', async () => {
    const started = performance.now();
    await expect(readCardImage(pngWithHeader(1_000_000, 1_000_000))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^The image is 1,000,000 × 1,000,000 pixels/),
    });
    // Decoding a trillion pixels would take minutes or run out of memory: a hang guard, not a target.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('turns the OCR engine failing on an image into an import error, in its own process', async () => {
    // Straight to the engine, past the header check: its failure ends the child process only.
    await expect(recognizeInChild(pngWithHeader(1_000_000, 1_000_000))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^The image could not be read: the OCR engine /),
    });
    await expect(readCardImage(undecodablePng())).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^The image could not be read: the OCR engine /),
    });
  }, 60_000);

  it('points tesseract.js at the packaged English model', () => {
    expect(existsSync(join(englishModelDir(), 'eng.traineddata.gz'))).toBe(true);
  });
});
