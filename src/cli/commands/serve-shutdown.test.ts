import { request } from 'node:http';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { closeHttpGracefully } from './serve-shutdown';

/** GET `path` on a fresh connection: the status, or the error that cut it. */
const get = (url: string) =>
  new Promise<number | string>((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    req.end();
  });

describe('closeHttpGracefully', () => {
  it('lets a request in flight finish, refuses new connections, and cuts one that outlasts the bound', async () => {
    const app = Fastify();
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 400));
      return { ok: true };
    });
    app.get('/stuck', () => new Promise(() => {}));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });

    const slow = get(`${base}/slow`);
    const stuck = get(`${base}/stuck`);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    const closing = closeHttpGracefully(app, 1_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(await get(`${base}/slow`)).toBe('ECONNREFUSED');
    expect(await slow).toBe(200);
    await closing;
    const ms = performance.now() - started;
    expect(await stuck).toBe('ECONNRESET');
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3_000);
  });
});
