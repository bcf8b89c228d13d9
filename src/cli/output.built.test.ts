/**
 * The built CLI writes its answer straight to the descriptor (src/cli/io.ts, `writeAll`): into a
 * pipe whose reader is slow, all of it arrives; into one whose reader went away
 * (`afterview today | head`), the command ends quietly with its exit code. Run `npm run build`
 * first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'afterview.cjs');
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  expect(existsSync(join(root, 'dist', 'cli', 'cli.js')), 'run `npm run build` first').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'afterview-output-'));
  env = {
    ...process.env,
    AFTERVIEW_DATA: join(dir, 'data'),
    AFTERVIEW_CACHE_DIR: join(dir, 'cache'),
    AFTERVIEW_NOW: '2026-11-26T09:00:00Z',
    TZ: 'UTC',
  };
  // A hundred applications: an export of more than a megabyte, far more than a pipe holds.
  const seeded = spawnSync(process.execPath, [bin, 'demo', '--scale', '100', '--seed', '1'], { env });
  expect(seeded.status, String(seeded.stderr)).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the built CLI with its stdout a pipe; `read` decides what the reader does with it. */
function run(args: string[], read: (stdout: NodeJS.ReadableStream) => Promise<string>) {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const code = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return Promise.all([read(child.stdout), code]).then(([stdout, status]) => ({ stdout, status, stderr }));
}

describe('the built CLI writing into a pipe', () => {
  it('delivers all of a large answer into a pipe whose reader starts late', async () => {
    const whole = spawnSync(process.execPath, [bin, 'export'], { env, maxBuffer: 64 * 1024 * 1024 });
    expect(whole.status).toBe(0);
    expect(whole.stdout.length).toBeGreaterThan(1_000_000);
    // A named pipe, read here without blocking the test's event loop. (Node hands a child its
    // standard descriptors blocking; the non-blocking case is in io.test.ts.)
    const fifo = join(dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const child = spawn(process.execPath, [bin, 'export'], { env, stdio: ['ignore', writer, 'pipe'] });
    closeSync(writer);
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    let status: number | null | undefined;
    child.on('close', (c) => {
      status = c;
    });
    await new Promise((r) => setTimeout(r, 500));
    const chunks: Buffer[] = [];
    const chunk = Buffer.alloc(65_536);
    for (;;) {
      let n: number;
      try {
        n = readSync(reader, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    closeSync(reader);
    while (status === undefined) await new Promise((r) => setTimeout(r, 10));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(Buffer.concat(chunks).equals(whole.stdout)).toBe(true);
  }, 60_000);

  it('ends quietly, exit code 0, when the reader has gone away (`afterview today | head`)', async () => {
    const gone = await run(['today', '--json'], async (stdout) => {
      (stdout as NodeJS.ReadableStream & { destroy: () => void }).destroy();
      return '';
    });
    expect(gone.stderr).toBe('');
    expect(gone.status).toBe(0);
  }, 60_000);
});
