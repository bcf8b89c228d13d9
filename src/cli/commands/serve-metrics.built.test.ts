/**
 * `/metrics` and the JSON log of `afterview serve --hosted` on the built CLI (run `npm run build`
 * first), on SQLite and PostgreSQL: one process serves /metrics itself behind the token; with
 * `--workers 2` the primary serves the sum of both workers on AFTERVIEW_METRICS_PORT, and a
 * worker's own /metrics does not exist.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/dialects';
import { freePort, hostedProcessPerTest } from '../../../test/hosted-process';

const TOKEN = 'scrape-token-abcdef0123456789';

/** GET on a fresh connection (so a cluster's workers share the requests). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; worker?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => {
        const worker = res.headers['x-afterview-worker'];
        resolve({ status: res.statusCode ?? 0, body, ...(typeof worker === 'string' && { worker }) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The value of one sample line, e.g. `afterview_http_request_duration_seconds_count{…route="/healthz"…}`. */
function sample(text: string, name: string, labelPart: string): number {
  const line = text.split('\n').find((l) => l.startsWith(name) && l.includes(labelPart));
  return line ? Number(line.split(' ').at(-1)) : Number.NaN;
}

for (const dialect of testDialects()) {
  describe(`hosted metrics and logs on the built CLI [${dialect}]`, () => {
    const startServer = hostedProcessPerTest(dialect, 'stop');

    it('one process: JSON request lines on stdout; /metrics behind the token', {
      timeout: 60_000,
    }, async () => {
      const server = await startServer({ env: { AFTERVIEW_METRICS_TOKEN: TOKEN } });
      for (let i = 0; i < 3; i++) expect((await get(`${server.url}/healthz`)).status).toBe(200);
      expect((await get(`${server.url}/metrics`)).status).toBe(401);
      expect((await get(`${server.url}/metrics`, { authorization: 'Bearer nope' })).status).toBe(401);
      const scrape = await get(`${server.url}/metrics`, { authorization: `Bearer ${TOKEN}` });
      expect(scrape.status).toBe(200);
      expect(sample(scrape.body, 'afterview_http_request_duration_seconds_count', 'route="/healthz"')).toBe(
        3,
      );
      const lines = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const healthz = lines.filter((l) => l.msg === 'request' && l.route === '/healthz');
      expect(healthz).toHaveLength(3);
      expect(healthz[0]).toMatchObject({ level: 30, method: 'GET', status: 200 });
      expect(healthz[0]?.requestId).toEqual(expect.any(String));
      expect(server.output()).not.toContain(TOKEN);
    });

    it('--workers 2: the primary serves the sum of both workers on AFTERVIEW_METRICS_PORT', {
      timeout: 120_000,
    }, async () => {
      const metricsPort = await freePort();
      const server = await startServer({
        env: { AFTERVIEW_METRICS_TOKEN: TOKEN, AFTERVIEW_METRICS_PORT: String(metricsPort) },
        args: ['--workers', '2'],
      });
      const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
      const workers = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const r = await get(`${server.url}/healthz`);
        expect(r.status).toBe(200);
        if (r.worker) workers.add(r.worker);
      }
      // Both workers answered some of them, so the sum below adds two registries.
      expect(workers.size).toBe(2);
      // A worker's share alone is not served.
      expect((await get(`${server.url}/metrics`, { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
      expect((await get(metricsUrl)).status).toBe(401);
      const scrape = await get(metricsUrl, { authorization: `Bearer ${TOKEN}` });
      expect(scrape.status).toBe(200);
      expect(sample(scrape.body, 'afterview_http_request_duration_seconds_count', 'route="/healthz"')).toBe(
        20,
      );
      expect(scrape.body).toMatch(/^afterview_outbox_due_messages 0$/m);
      expect(scrape.body).toMatch(/^afterview_outbox_sends_total\{outcome="failed"\} 0$/m);
    });
  });
}
