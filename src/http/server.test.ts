import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../test/http';
import { describeEachDialect } from '../../test/store';
import { CSRF_COOKIE, CSRF_HEADER } from './security';

// Local only: hosted mode answers any Host (it sits behind a proxy on a public name).
describeEachDialect('http server: loopback trust (local)', (t) => {
  it('refuses a request whose Host is not a loopback name (DNS rebinding)', async () => {
    const api = await createTestApi(t.store);
    const res = await api.app.inject({
      method: 'GET',
      url: '/api/opportunities',
      headers: { host: 'evil.example:4317' },
    });
    expect(res.statusCode).toBe(421);
    expect(res.json().error.message).toMatch(/only answers to localhost/);
    for (const host of ['localhost:4317', '127.0.0.1:4317', '[::1]:4317', '127.0.0.1']) {
      const ok = await api.app.inject({ method: 'GET', url: '/api/opportunities', headers: { host } });
      expect(ok.statusCode, host).toBe(200);
    }
    await api.close();
  });
});

describeEachMode('http server: trust and errors', (t) => {
  it('refuses a write without the CSRF token, and writes nothing', async () => {
    const api = await createTestApi(t);
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/opportunities',
      cookies: api.sessionCookies(),
      payload: { company: 'Contoso', role: 'PM' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/security token/);
    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/opportunities',
      headers: { [CSRF_HEADER]: 'guess-guess-guess' },
      cookies: { ...api.sessionCookies(), [CSRF_COOKIE]: 'the-real-token-123456' },
      payload: { company: 'Contoso', role: 'PM' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await api.get('/api/opportunities')).json().opportunities).toEqual([]);
    await api.close();
  });

  it('refuses a cross-site write even with a matching token', async () => {
    const api = await createTestApi(t);
    const base = {
      method: 'POST' as const,
      url: '/api/opportunities',
      cookies: { ...api.sessionCookies(), [CSRF_COOKIE]: 'tok-tok-tok-tok-tok' },
      payload: { company: 'Contoso', role: 'PM' },
    };
    const bySite = await api.app.inject({
      ...base,
      headers: { [CSRF_HEADER]: 'tok-tok-tok-tok-tok', 'sec-fetch-site': 'cross-site' },
    });
    expect(bySite.statusCode).toBe(403);
    const byOrigin = await api.app.inject({
      ...base,
      headers: { [CSRF_HEADER]: 'tok-tok-tok-tok-tok', origin: 'http://evil.example' },
    });
    expect(byOrigin.statusCode).toBe(403);
    expect(byOrigin.json().error.message).toMatch(/another site/);
    await api.close();
  });

  it('hands out a CSRF cookie on the first GET, readable by the page, same-site only, Secure when hosted on https', async () => {
    const api = await createTestApi(t);
    const res = await api.app.inject({ method: 'GET', url: '/api/settings', cookies: api.sessionCookies() });
    const cookie = res.cookies.find((c) => c.name === CSRF_COOKIE);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.httpOnly).toBeUndefined();
    // Hosted at https://afterview.test (test/hosted.ts): like the session cookie, https only.
    expect(cookie?.secure).toBe(t.mode === 'hosted' ? true : undefined);
    await api.close();
  });

  it('sends strict security headers: CSP without inline script, no framing, no referrer, nosniff', async () => {
    const api = await createTestApi(t);
    const res = await api.get('/api/opportunities');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Hosted at https://afterview.test: browsers are told to keep to https. Loopback is plain http.
    expect(res.headers['strict-transport-security']).toBe(
      t.mode === 'hosted' ? 'max-age=15552000' : undefined,
    );
    await api.close();
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const api = await createTestApi(t);
    const res = await api.get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not-found');
    await api.close();
  });

  it('serves an OpenAPI document generated from the zod schemas', async () => {
    const api = await createTestApi(t);
    const res = await api.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const post = doc.paths['/api/opportunities'].post;
    expect(post.requestBody.content['application/json'].schema.required).toEqual(['company', 'role']);
    await api.close();
  });
});
