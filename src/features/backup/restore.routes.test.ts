/**
 * Restore from the web app in hosted mode (`POST /api/account/restore`), on both dialects: an
 * export goes back into a new, empty account whole, in one transaction, into the caller's account
 * only; an account with data, a bad document or one past the size limit is refused and nothing
 * changes. Local mode has no such route (`afterview import` restores there).
 */
import { expect, it } from 'vitest';
import { type Browser, createHostedApi, type HostedApi } from '../../../test/hosted';
import { signUp as signUpAs } from '../../../test/hosted-signup';
import { createTestApi } from '../../../test/http';
import { describeEachDialect } from '../../../test/store';
import type { Store } from '../../db/connect';
import { NOT_EMPTY_FOR_WEB, RESTORE_MAX_BYTES } from './restore.routes';

const PASSWORD = 'Lobby-coffee-after-4pm';

async function signUp(api: HostedApi, email: string): Promise<{ b: Browser; id: string }> {
  const b = await signUpAs(api, { email, password: PASSWORD });
  return { b, id: (await b.get('/api/auth/get-session')).json().user.id as string };
}

/** Rows per table of one account (tables keyed by account_id). */
async function rowsOf(store: Store, accountId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'opportunity',
    'interview',
    'contact',
    'message',
    'debrief',
    'event',
    'account_template',
  ]) {
    const r = await store.db
      .selectFrom(table as 'opportunity')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

describeEachDialect('restore from the web app', (t) => {
  it('puts an export back into a new, empty account whole; the account it came from is untouched', async () => {
    const api = await createHostedApi(t.store);
    const ada = await signUp(api, 'ada@example.org');
    expect((await ada.b.post('/api/demo', { scale: 1 })).statusCode).toBe(201);
    const tpl = 'Hi {{ recipient.first_name }}, thank you for the {{ round }} at {{ company }}.\n';
    expect((await ada.b.put('/api/templates/check-in', { text: tpl })).statusCode).toBe(200);
    const exported = (await ada.b.get('/api/account/export')).body;
    const adaRows = await rowsOf(t.store, ada.id);
    expect(adaRows.opportunity).toBeGreaterThan(0);

    // A new account (after moving servers, or deleting and signing up again) restores it.
    const bea = await signUp(api, 'bea@example.org');
    const res = await bea.b.post('/api/account/restore', { backup: exported });
    expect(res.statusCode, res.body).toBe(200);
    const doc = JSON.parse(exported);
    expect(res.json()).toMatchObject({
      opportunities: doc.opportunities.length,
      interviews: doc.interviews.length,
      contacts: doc.contacts.length,
      templates: 1,
      settingsApplied: true,
    });
    expect(await rowsOf(t.store, bea.id)).toEqual(adaRows);
    const beaOpps = (await bea.b.get('/api/opportunities')).json().opportunities;
    expect(beaOpps.map((o: { company: string }) => o.company).sort()).toEqual(
      doc.opportunities.map((o: { company: string }) => o.company).sort(),
    );
    expect((await bea.b.get('/api/templates')).json().templates).toContainEqual(
      expect.objectContaining({ name: 'check-in', custom: true }),
    );
    // Only into the caller's account: Ada's own data is as it was, to the byte.
    expect((await ada.b.get('/api/account/export')).body).toBe(exported);
    expect(await rowsOf(t.store, ada.id)).toEqual(adaRows);
    await api.close();
  });

  it('refuses an account with data, a bad document (naming the field) and one past the size limit; nothing changes', async () => {
    const api = await createHostedApi(t.store);
    const ada = await signUp(api, 'ada@example.org');
    expect((await ada.b.post('/api/demo', { scale: 1 })).statusCode).toBe(201);
    const exported = (await ada.b.get('/api/account/export')).body;
    const adaRows = await rowsOf(t.store, ada.id);

    // Ada's own export back into Ada's account: it has data, so nothing is merged.
    const merge = await ada.b.post('/api/account/restore', { backup: exported });
    expect(merge.statusCode).toBe(409);
    expect(merge.json().error.message).toBe(NOT_EMPTY_FOR_WEB);
    expect(await rowsOf(t.store, ada.id)).toEqual(adaRows);

    const cy = await signUp(api, 'cy@example.org');
    const empty = await rowsOf(t.store, cy.id);
    const broken = JSON.parse(exported);
    broken.opportunities[0].company = '';
    const bad = await cy.b.post('/api/account/restore', { backup: JSON.stringify(broken) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/opportunities\[0\]\.company/);
    expect((await cy.b.post('/api/account/restore', { backup: 'not json' })).statusCode).toBe(400);
    // Past the limit: the schema's sentence, or the body limit's 413 beyond it.
    const large = await cy.b.post('/api/account/restore', { backup: 'x'.repeat(RESTORE_MAX_BYTES + 1) });
    expect(large.statusCode).toBe(400);
    expect(large.json().error.message).toMatch(/larger than 25 MB/);
    const huge = await cy.b.post('/api/account/restore', {
      backup: 'x'.repeat(RESTORE_MAX_BYTES + 4 * 1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    expect(await rowsOf(t.store, cy.id)).toEqual(empty);

    // Signed out: the sign-in gate answers first.
    expect((await api.browser().post('/api/account/restore', { backup: exported })).statusCode).toBe(401);
    await api.close();
  });

  it('local mode has no web restore: afterview import restores there', async () => {
    const api = await createTestApi(t.store);
    expect((await api.post('/api/account/restore', { backup: '{}' })).statusCode).toBe(404);
    await api.close();
  });
});
