import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { englishModelDir, readCardImage } from './ocr';

const CONVERT = '/usr/bin/convert';

/** Why the OCR tests cannot run here, or null. Throws when CI requires system packages. */
function imageMagickSkipReason(): string | null {
  if (existsSync(CONVERT)) return null;
  const reason = `ImageMagick is not installed (${CONVERT} missing; apt-get install imagemagick)`;
  if (process.env.AFTERVIEW_REQUIRE_SYSTEM_DEPS === '1')
    throw new Error(`${reason}, and AFTERVIEW_REQUIRE_SYSTEM_DEPS=1`);
  return reason;
}

const skipReason = imageMagickSkipReason();
const dir = mkdtempSync(join(tmpdir(), 'afterview-ocr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Render a business card with known text, turned by `angle` degrees, with Gaussian noise. */
function renderCard(name: string, lines: Array<[string, number]>, angle: number, width = 1050): string {
  const path = join(dir, name);
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

describe.skipIf(skipReason !== null)(`readCardImage${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('reads the email and phone of a card at a slight angle with noise, offline', async () => {
    const path = renderCard(
      'priya.png',
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
      'diego.jpg',
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

  it('points tesseract.js at the packaged English model', () => {
    expect(existsSync(join(englishModelDir(), 'eng.traineddata.gz'))).toBe(true);
  });
});
