import { expect, it } from 'vitest';
import { fixture } from '../../../test/capture-fixtures';
import { createTestApi, describeEachMode } from '../../../test/http';
import { cardBundle } from '../../core/capture/card';

const NOW = '2026-11-30T12:00:00Z';

describeEachMode('import routes', (t) => {
  it('previews an invite with what saving would do, saves nothing, then saves the confirmed bundle', async () => {
    const api = await createTestApi(t, { now: NOW, timeZone: 'America/New_York' });
    try {
      const preview = await api.post('/api/imports/preview', {
        fileName: 'panel.ics',
        text: fixture('calendar/outlook-teams-panel.ics').toString('utf8'),
      });
      expect(preview.statusCode).toBe(200);
      const body = preview.json();
      expect(body.kind).toBe('ics');
      expect(body.understood.interviews[0]).toMatchObject({
        start: '2026-12-09T19:00:00Z',
        timeZone: 'America/New_York',
      });
      expect(body.plan).toMatchObject({ dryRun: true });
      expect(body.plan.contacts.created.map((c: { displayName: string }) => c.displayName)).toContain(
        'Katherine McAllister-Brown',
      );
      expect((await api.get('/api/people')).json().people).toEqual([]);

      // The user corrects a name before saving.
      const bundle = body.understood;
      bundle.contacts[1].displayName = 'Trang Nguyen';
      const saved = await api.post('/api/imports', { bundle, fileName: 'panel.ics' });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().interviews.created).toHaveLength(1);
      const people = (await api.get('/api/people'))
        .json()
        .people.map((p: { displayName: string }) => p.displayName);
      expect(people.sort()).toEqual(['Chinedu Okafor', 'Katherine McAllister-Brown', 'Trang Nguyen']);
    } finally {
      await api.close();
    }
  });

  it('saves a file sent as base64 directly, and answers 400 naming the line for a broken one', async () => {
    const api = await createTestApi(t, { now: NOW });
    try {
      const ok = await api.post('/api/imports', {
        file: {
          fileName: 'people.vcf',
          contentBase64: fixture('vcard/outlook-2.1-quoted-printable.vcf').toString('base64'),
        },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().contacts.created.map((c: { displayName: string }) => c.displayName)).toEqual([
        'Diego Fernández-Ortiz',
        'Wen-Li Zhang',
      ]);
      const bad = await api.post('/api/imports/preview', { fileName: 'x.ics', text: 'hello\n' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({
        code: 'invalid-input',
        message: 'line 1: not a calendar file (no BEGIN:VCALENDAR).',
      });
      const both = await api.post('/api/imports', {});
      expect(both.statusCode).toBe(400);
      expect(both.json().error.message).toBe('bundle: send exactly one of bundle or file.');
    } finally {
      await api.close();
    }
  });
});

describeEachMode('import routes: a card scanned from an interview', (t) => {
  it('adds the person to that interview in the same save, and refuses an interview of another opportunity', async () => {
    const api = await createTestApi(t, { now: NOW, timeZone: 'America/New_York' });
    try {
      const opp = (
        await api.post('/api/opportunities', { company: 'Northwind Labs', role: 'Engineer' })
      ).json();
      const other = (await api.post('/api/opportunities', { company: 'Contoso', role: 'PM' })).json();
      const interview = (
        await api.post('/api/interviews', {
          opportunityId: opp.id,
          start: '2026-12-08T10:00',
          end: '2026-12-08T11:00',
        })
      ).json();
      const card = cardBundle({
        name: 'Rosalind Okafor',
        title: 'Staff Engineer',
        company: 'Northwind Labs',
        email: 'rosalind@northwind-labs.example',
        phone: null,
        website: null,
      });
      const refused = await api.post('/api/imports', {
        bundle: card,
        fileName: 'card.png',
        opportunityId: other.id,
        interviewId: interview.id,
      });
      expect(refused.statusCode).toBe(400);
      expect((await api.get('/api/people')).json().people).toEqual([]);

      const saved = await api.post('/api/imports', {
        bundle: card,
        fileName: 'card.png',
        opportunityId: opp.id,
        interviewId: interview.id,
      });
      expect(saved.statusCode).toBe(200);
      const personId = saved.json().contacts.created[0].id;
      const after = (await api.get(`/api/interviews/${interview.id}`)).json();
      expect(after.participants).toContainEqual({ contactId: personId, role: 'interviewer' });
    } finally {
      await api.close();
    }
  });
});
