import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { writeAll } from './io';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('writeAll', () => {
  it('writes every byte in order through partial writes, a character split between two of them', () => {
    const text = 'Zoë wrote “thanks” — 😀 twice\n'.repeat(50);
    const written: number[] = [];
    writeAll(1, text, (_fd, data) => {
      const n = Math.min(3, data.length);
      written.push(...data.subarray(0, n));
      return n;
    });
    expect(Buffer.from(written).toString('utf8')).toBe(text);
  });

  it('waits and tries again while a non-blocking descriptor is full (EAGAIN)', () => {
    const written: number[] = [];
    let refusals = 3;
    writeAll(1, 'all of it', (_fd, data) => {
      if (refusals-- > 0) throw errno('EAGAIN');
      written.push(...data);
      return data.length;
    });
    expect(Buffer.from(written).toString('utf8')).toBe('all of it');
    expect(refusals).toBe(-1);
  });

  it('passes on any other failure', () => {
    expect(() =>
      writeAll(1, 'x', () => {
        throw errno('EIO');
      }),
    ).toThrow('EIO');
  });
});

describe('writeAll into a real non-blocking pipe', () => {
  it.skipIf(process.platform === 'win32')(
    'delivers a megabyte through EAGAIN while the reader, on another thread, starts late',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'afterview-io-'));
      try {
        const fifo = join(dir, 'out.fifo');
        expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
        // Opened non-blocking with a reader of our own held meanwhile (a non-blocking writer needs
        // one); the real reader, on another thread, opens it, waits, then drains it.
        const holder = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
        const fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
        const reader = new Worker(
          `const { openSync, readSync } = require('node:fs');
           const { parentPort, workerData } = require('node:worker_threads');
           const fd = openSync(workerData, 'r');
           parentPort.postMessage('open');
           Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
           const chunk = Buffer.alloc(65536); let total = 0; const hash = require('node:crypto').createHash('sha256');
           for (let n; (n = readSync(fd, chunk)) > 0; ) { total += n; hash.update(chunk.subarray(0, n)); }
           parentPort.postMessage({ total, sha: hash.digest('hex') });`,
          { eval: true, workerData: fifo },
        );
        const messages: unknown[] = [];
        const got = new Promise<{ total: number; sha: string }>((resolve) =>
          reader.on('message', (m) => {
            messages.push(m);
            if (m !== 'open') resolve(m as { total: number; sha: string });
          }),
        );
        while (messages.length === 0) await new Promise((r) => setTimeout(r, 5));
        closeSync(holder);
        const text = 'Thank you for the conversation about the data platform, Zoë. '.repeat(17_000);
        let refused = 0;
        writeAll(fd, text, (f, data) => {
          try {
            return writeSync(f, data);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'EAGAIN') refused++;
            throw err;
          }
        });
        closeSync(fd);
        const { total, sha } = await got;
        await reader.terminate();
        expect(refused).toBeGreaterThan(0);
        expect(total).toBe(Buffer.byteLength(text));
        expect(sha).toBe(createHash('sha256').update(text).digest('hex'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    30_000,
  );
});
