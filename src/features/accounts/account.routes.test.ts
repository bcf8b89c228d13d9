import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';

describeEachMode('settings routes', (t) => {
  it('says which mode the server is in, so the web app calls only routes that exist there', async () => {
    const api = await createTestApi(t);
    expect((await api.get('/api/settings')).json().mode).toBe(t.mode);
    expect((await api.patch('/api/settings', { displayName: 'Alex' })).json().mode).toBe(t.mode);
    // What the mode stands for: coaching (and accounts) exist in hosted mode only.
    expect((await api.get('/api/coaching/me')).statusCode).toBe(t.mode === 'hosted' ? 200 : 404);
    await api.close();
  });

  it('reads and changes zone, holidays, own emails and playbook numbers', async () => {
    const api = await createTestApi(t);
    const before = (await api.get('/api/settings')).json();
    expect(before).toMatchObject({ timeZone: 'America/Los_Angeles', holidayRegion: 'US', feedPath: null });
    expect(before.playbook.thankYou.withinHours).toBe(24);
    const res = await api.patch('/api/settings', {
      timeZone: 'Europe/Berlin',
      holidayRegion: 'DE-BY',
      ownEmails: ['Me@Example.com'],
      playbookOverrides: { thankYou: { withinHours: 12 } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      timeZone: 'Europe/Berlin',
      holidayRegion: 'DE-BY',
      ownEmails: ['me@example.com'],
      playbookOverrides: { thankYou: { withinHours: 12 } },
    });
    expect(res.json().playbook.thankYou.withinHours).toBe(12);
    await api.close();
  });

  it('locale follows the time zone until chosen, then stays; null follows the zone again', async () => {
    const api = await createTestApi(t);
    expect((await api.get('/api/settings')).json()).toMatchObject({ locale: 'en-US', localeChosen: false });
    const london = (await api.patch('/api/settings', { timeZone: 'Europe/London' })).json();
    expect(london).toMatchObject({ locale: 'en-GB', localeChosen: false });
    const chosen = (await api.patch('/api/settings', { locale: 'en-US' })).json();
    expect(chosen).toMatchObject({ locale: 'en-US', localeChosen: true });
    const reset = (await api.patch('/api/settings', { locale: null })).json();
    expect(reset).toMatchObject({ locale: 'en-GB', localeChosen: false });
    const bad = await api.patch('/api/settings', { locale: 'fr-FR' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('locale');
    await api.close();
  });

  it('refuses a bad playbook number with the field, as a playbook file would be, and keeps the old one', async () => {
    const api = await createTestApi(t);
    const res = await api.patch('/api/settings', { playbookOverrides: { checkIn: { minGap: -1 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('checkIn.minGap');
    expect((await api.get('/api/settings')).json().playbookOverrides).toEqual({});
    await api.close();
  });

  it('refuses an unknown time zone and a malformed own email', async () => {
    const api = await createTestApi(t);
    const zone = await api.patch('/api/settings', { timeZone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error).toMatchObject({ field: 'timeZone' });
    const email = await api.patch('/api/settings', { ownEmails: ['not an email'] });
    expect(email.statusCode).toBe(400);
    expect(email.json().error.field).toBe('ownEmails.0');
    await api.close();
  });

  it('creates, replaces and revokes the private calendar feed URL', async () => {
    const api = await createTestApi(t);
    const first = (await api.post('/api/settings/feed')).json().feedPath;
    expect(first).toMatch(/^\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    const second = (await api.post('/api/settings/feed')).json().feedPath;
    expect(second).not.toBe(first);
    expect((await api.get('/api/settings')).json().feedPath).toBe(second);
    expect((await api.delete('/api/settings/feed')).json()).toEqual({ feedPath: null });
    expect((await api.get('/api/settings')).json().feedPath).toBeNull();
    await api.close();
  });
});
