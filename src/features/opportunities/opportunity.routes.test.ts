import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';

describeEachMode('opportunity routes', (t) => {
  it('adds, lists, reads, edits and moves an opportunity', async () => {
    const api = await createTestApi(t);
    const created = await api.post('/api/opportunities', {
      company: 'Northwind Labs',
      role: 'Senior Engineer',
      recruiter: 'Dana Whitfield <dana@northwind-labs.example>',
      decisionBy: '2026-12-18',
    });
    expect(created.statusCode).toBe(201);
    const opp = created.json();
    expect(opp).toMatchObject({ company: 'Northwind Labs', stage: 'applied', decisionBy: '2026-12-18' });
    expect(Object.keys(opp).sort()).toEqual([
      'company',
      'createdAt',
      'decisionBy',
      'domains',
      'id',
      'links',
      'notes',
      'recruiterId',
      'role',
      'stage',
      'stageChangedAt',
    ]);
    expect(
      (await api.get('/api/opportunities')).json().opportunities.map((o: { id: string }) => o.id),
    ).toEqual([opp.id]);
    expect((await api.get(`/api/opportunities/${opp.id}`)).json().role).toBe('Senior Engineer');
    const edited = await api.patch(`/api/opportunities/${opp.id}`, { role: 'Staff Engineer' });
    expect(edited.json().role).toBe('Staff Engineer');
    const moved = await api.put(`/api/opportunities/${opp.id}/stage`, { stage: 'rejected' });
    expect(moved.json()).toMatchObject({ stage: 'rejected', stageChangedAt: '2026-12-01T17:00:00Z' });
    await api.close();
  });

  it('answers a missing field with 400 naming the field', async () => {
    const api = await createTestApi(t);
    const res = await api.post('/api/opportunities', { role: 'PM' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid-input', field: 'company' });
    expect(res.json().error.message).toMatch(/^company: /);
    await api.close();
  });

  it('answers a service-level error (bad recruiter address) with 400 and the sentence', async () => {
    const api = await createTestApi(t);
    const res = await api.post('/api/opportunities', { company: 'A', role: 'B', recruiter: 'Dana <nope>' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'invalid-input',
      field: 'recruiter',
      message: 'recruiter: "nope" is not a valid email address.',
    });
    await api.close();
  });

  it('answers an unknown id with 404 and an unknown stage with 400', async () => {
    const api = await createTestApi(t);
    expect((await api.get('/api/opportunities/0190-none')).statusCode).toBe(404);
    const created = (await api.post('/api/opportunities', { company: 'A', role: 'B' })).json();
    const res = await api.put(`/api/opportunities/${created.id}/stage`, { stage: 'ghosted' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('stage');
    await api.close();
  });
});
