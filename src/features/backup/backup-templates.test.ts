/**
 * The draft templates a user wrote travel with the account export and come back with a restore:
 * a hosted user's rows (export → delete the account → sign up again → restore), and in local mode
 * the copies in `<data>/templates/`. A bad template in a file is refused naming its field, and
 * nothing of the file is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createTestContext } from '../../../test/context';
import { type Browser, createHostedApi } from '../../../test/hosted';
import { describeEachDialect } from '../../../test/store';
import { Temporal } from '../../core/time';
import type { ServiceContext } from '../context';
import { saveTemplate } from '../templates/template-edit.service';
import { exportBackup, exportBackupText } from './export.service';
import { importBackup } from './restore.service';

const PASSWORD = 'Lobby-coffee-after-4pm';
const MINE = 'Hi {{ recipient.first_name }}, thank you for the {{ round }} at {{ company }}.\n';

describeEachDialect('templates in the export and the restore', (t) => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'afterview-backup-tpl-'));
    dirs.push(d);
    return d;
  };

  it('hosted: an edited template is in the export, and comes back after deleting the account and restoring into a new one', async () => {
    const api = await createHostedApi(t.store);
    const signUp = async (b: Browser = api.browser()) => {
      const res = await b.post('/api/auth/sign-up/email', {
        email: 'ada@example.org',
        password: PASSWORD,
        name: 'Ada',
      });
      expect(res.statusCode, res.body).toBe(200);
      return { b, id: (await b.get('/api/auth/get-session')).json().user.id as string };
    };
    const ada = await signUp();
    const saved = await ada.b.put('/api/templates/check-in', { text: MINE });
    expect(saved.statusCode, saved.body).toBe(200);
    const exported = await ada.b.get('/api/account/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.json().templates).toEqual([{ name: 'check-in', text: MINE }]);

    expect((await ada.b.post('/api/account/delete', { password: PASSWORD })).statusCode).toBe(204);
    const again = await signUp();
    expect(again.id).not.toBe(ada.id);
    const before = (await again.b.get('/api/templates')).json().templates;
    expect(before.find((x: { name: string }) => x.name === 'check-in')).toMatchObject({ custom: false });

    // Hosted mode has no restore page: the service restores into the signed-in user's account.
    const ctx: ServiceContext = {
      db: t.store.forAccount(again.id),
      actor: { accountId: again.id, kind: 'user' },
      now: Temporal.Instant.from('2026-12-02T09:00:00Z'),
    };
    const summary = await importBackup(ctx, exported.body);
    expect(summary).toMatchObject({ templates: 1, settingsApplied: true });
    const after = (await again.b.get('/api/templates')).json().templates;
    expect(after.find((x: { name: string }) => x.name === 'check-in')).toEqual({
      name: 'check-in',
      text: MINE,
      custom: true,
    });
    expect((await again.b.get('/api/account/export')).json().templates).toEqual([
      { name: 'check-in', text: MINE },
    ]);
    await api.close();
  });

  it('local: the copies in <data>/templates/ are exported and restored as files; --keep-settings keeps the folder’s own', async () => {
    const fromDir = tempDir();
    const source = await createTestContext(t.store);
    await saveTemplate(source, fromDir, 'thank-you', MINE);
    const text = await exportBackupText(source, { dataDir: fromDir });
    expect(JSON.parse(text).templates).toEqual([{ name: 'thank-you', text: MINE }]);

    const toDir = tempDir();
    const fresh = await createTestContext(t.store);
    expect(await importBackup(fresh, text, { dataDir: toDir })).toMatchObject({ templates: 1 });
    expect(readFileSync(join(toDir, 'templates', 'thank-you.liquid'), 'utf8')).toBe(MINE);
    expect((await exportBackup(fresh, { dataDir: toDir })).templates).toEqual([
      { name: 'thank-you', text: MINE },
    ]);

    // A folder with data of its own that keeps its settings keeps its templates too.
    const keepDir = tempDir();
    const mine = await createTestContext(t.store);
    await saveTemplate(mine, keepDir, 'thank-you', 'Hi {{ recipient.first_name }}, my own.');
    const other = await createTestContext(t.store);
    await saveTemplate(other, tempDir(), 'thank-you', MINE);
    const otherDoc = JSON.parse(await exportBackupText(other, { dataDir: dirs.at(-1) ?? null }));
    otherDoc.opportunities = [];
    const kept = await importBackup(mine, JSON.stringify(otherDoc), { dataDir: keepDir, settings: 'keep' });
    expect(kept).toMatchObject({ templates: 0, settingsApplied: false });
    expect(readFileSync(join(keepDir, 'templates', 'thank-you.liquid'), 'utf8')).toBe(
      'Hi {{ recipient.first_name }}, my own.',
    );
  });

  it('a template that does not render, an unknown name or a name twice: refused naming the field, nothing written', async () => {
    const source = await createTestContext(t.store);
    await saveTemplate(source, tempDir(), 'thank-you', MINE);
    const doc = JSON.parse(await exportBackupText(source, { dataDir: dirs[0] ?? null }));
    const cases: [unknown[], RegExp][] = [
      [
        [{ name: 'thank-you', text: '{% if recipient.first_name %}never closed' }],
        /^templates\[0\]\.text: does not render/,
      ],
      [[{ name: 'farewell', text: MINE }], /^templates\[0\]\.name: /],
      [
        [
          { name: 'check-in', text: MINE },
          { name: 'check-in', text: MINE },
        ],
        /^templates\[1\]\.name: check-in appears twice/,
      ],
    ];
    for (const [templates, message] of cases) {
      const dataDir = tempDir();
      const fresh = await createTestContext(t.store);
      const before = await exportBackup(fresh, { dataDir });
      const err = await importBackup(fresh, JSON.stringify({ ...doc, templates }), { dataDir }).catch(
        (e) => e,
      );
      expect(err.code).toBe('invalid-input');
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(/nothing was imported/);
      expect(await exportBackup(fresh, { dataDir })).toEqual(before);
      expect(existsSync(join(dataDir, 'templates'))).toBe(false);
    }
  });
});
