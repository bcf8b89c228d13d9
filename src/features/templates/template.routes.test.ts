import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';
import { describeEachDialect } from '../../../test/store';

/** Each test's data dir, removed after it. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Local only: a hosted user's copy is a row of their account, never a file in the installation's
// data dir (template-hosted.test.ts covers that side).
describeEachDialect('template routes: the user copy in the data dir (local)', (t) => {
  it('lists the shipped templates, saves the user copy to the data dir, and resets it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'afterview-tpl-'));
    dirs.push(dataDir);
    const api = await createTestApi(t.store, { dataDir });
    const list = (await api.get('/api/templates')).json().templates;
    expect(list.map((x: { name: string }) => x.name)).toEqual([
      'thank-you',
      'check-in',
      'thanks-for-consideration',
      'reconnect',
    ]);
    expect(list.every((x: { custom: boolean }) => !x.custom)).toBe(true);
    const text = 'Subject: Thanks, {{ recipient.first_name }}\nHi {{ recipient.first_name }}, thank you.';
    const saved = await api.put('/api/templates/thank-you', { text });
    expect(saved.json()).toEqual({ name: 'thank-you', text, custom: true });
    expect(readFileSync(join(dataDir, 'templates', 'thank-you.liquid'), 'utf8')).toBe(text);
    const reset = await api.delete('/api/templates/thank-you');
    expect(reset.json().custom).toBe(false);
    expect(existsSync(join(dataDir, 'templates', 'thank-you.liquid'))).toBe(false);
    await api.close();
  });
});

describeEachMode('template routes', (t) => {
  it('refuses a template that does not render, and writes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'afterview-tpl-'));
    dirs.push(dataDir);
    const api = await createTestApi(t, { dataDir });
    const res = await api.put('/api/templates/thank-you', { text: 'Hi {% if %}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('text');
    expect(existsSync(join(dataDir, 'templates', 'thank-you.liquid'))).toBe(false);
    expect((await api.put('/api/templates/nope', { text: 'x' })).statusCode).toBe(400);
    await api.close();
  });
});
