import { expect, it } from 'vitest';
import { createTestApi, describeEachMode } from '../../../test/http';

describeEachMode('demo route', (t) => {
  it('seeds sample data behind "try with sample data", and every page has something to show', async () => {
    const api = await createTestApi(t);
    const res = await api.post('/api/demo', { scale: 5 });
    expect(res.statusCode).toBe(201);
    expect(res.json().opportunities).toBe(5);
    expect((await api.get('/api/opportunities')).json().opportunities).toHaveLength(5);
    expect((await api.get('/api/people')).json().people.length).toBeGreaterThan(5);
    expect((await api.get('/api/insights')).json().funnel[0]).toEqual({ stage: 'applied', count: 5 });
    await api.close();
  });

  it('refuses a scale that is not a whole number, naming the field', async () => {
    const api = await createTestApi(t);
    const res = await api.post('/api/demo', { scale: 2.5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('scale');
    await api.close();
  });
});
