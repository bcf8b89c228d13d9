/**
 * Hostile images against a real `afterview serve` process: a 45-byte PNG whose header claims
 * 1,000,000 × 1,000,000 pixels once killed the server from inside the OCR engine. Here the server
 * runs as its own process, gets the bomb (three at once), an image that passes the header checks
 * but cannot be decoded, and a truncated JPEG, answers each with a sentence, and keeps answering.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngWithHeader, undecodablePng } from '../../../test/capture-fixtures';

const root = join(import.meta.dirname, '..', '..', '..');

describe('the web import preview on hostile images (a real server process)', () => {
  let child: ChildProcess;
  let url = '';
  let exited = false;
  const dataDir = mkdtempSync(join(tmpdir(), 'afterview-hostile-'));
  let cookie = '';
  let token = '';

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--port', '0'],
      {
        cwd: root,
        env: { ...process.env, AFTERVIEW_DATA: dataDir, AFTERVIEW_NOW: '2026-11-30T12:00:00Z' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.once('exit', () => {
      exited = true;
    });
    let out = '';
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      child.stdout?.on('data', (d) => {
        out += String(d);
        const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const first = await fetch(`${url}/api/today`);
    const set = /afterview_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '');
    token = set?.[1] ?? '';
    cookie = `afterview_csrf=${token}`;
  }, 40_000);

  afterAll(async () => {
    if (!exited) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const preview = (fileName: string, bytes: Buffer) =>
    fetch(`${url}/api/imports/preview`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': token,
        origin: url,
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify({ fileName, contentBase64: bytes.toString('base64') }),
    });

  it('refuses the 45-byte PNG that claims a million pixels a side with a sentence, three at once, and still answers', async () => {
    const bomb = pngWithHeader(1_000_000, 1_000_000);
    expect(bomb).toHaveLength(45);
    const answers = await Promise.all([1, 2, 3].map(() => preview('card.png', bomb)));
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect((await a.json()).error.message).toBe(
        'The image is 1,000,000 × 1,000,000 pixels; a business card needs no more than about 12 megapixels (12,000 pixels a side). Crop or resize the photo and import it again.',
      );
    }
    const today = await fetch(`${url}/api/today`);
    expect(today.status).toBe(200);
    expect(exited).toBe(false);
  }, 30_000);

  it('turns an image the OCR engine cannot decode into an import error, then reads text imports as before', async () => {
    const bad = await preview('card.png', undecodablePng());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^The image could not be read: the OCR engine /);
    const cut = await preview(
      'card.jpg',
      Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb0043', 'hex'),
    );
    expect(cut.status).toBe(400);
    expect((await cut.json()).error.message).toBe(
      'The JPEG file is cut short (truncated): it ends before its image data does.',
    );
    const vcf = await preview(
      'p.vcf',
      Buffer.from(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Raman\r\nEMAIL:priya@northwind-labs.example\r\nEND:VCARD\r\n',
      ),
    );
    expect(vcf.status).toBe(200);
    expect((await vcf.json()).understood.contacts[0].displayName).toBe('Priya Raman');
    expect(exited).toBe(false);
  }, 60_000);
});
