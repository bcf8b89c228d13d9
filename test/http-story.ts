/** The seed story's first steps through the API, shared by the route tests. */
import type { TestApi } from './http';

export interface StoryIds {
  opportunityId: string;
  interviewId: string;
  recruiterId: string;
  /** Priya Raman, with an email. */
  priyaId: string;
  /** Sam Ortiz, with no email yet. */
  samId: string;
}

/** Northwind Labs, one interview 09:00–10:00 Los Angeles time on 1 Dec 2026, two interviewers. */
export async function seedStory(api: Pick<TestApi, 'get' | 'post'>): Promise<StoryIds> {
  const opp = await api.post('/api/opportunities', {
    company: 'Northwind Labs',
    role: 'Senior Engineer',
    recruiter: 'Dana Whitfield <dana@northwind.example>',
    decisionBy: '2026-12-11',
  });
  if (opp.statusCode !== 201) throw new Error(`seed opportunity: ${opp.body}`);
  const iv = await api.post('/api/interviews', {
    opportunityId: opp.json().id,
    start: '2026-12-01T09:00',
    end: '2026-12-01T10:00',
    timeZone: 'America/Los_Angeles',
    round: 'System design',
    interviewers: ['Priya Raman <priya@northwind.example>', 'Sam Ortiz'],
  });
  if (iv.statusCode !== 201) throw new Error(`seed interview: ${iv.body}`);
  const people = (await api.get('/api/people')).json().people as Array<{ id: string; displayName: string }>;
  const id = (name: string) => people.find((p) => p.displayName === name)?.id ?? '';
  return {
    opportunityId: opp.json().id,
    interviewId: iv.json().id,
    recruiterId: id('Dana Whitfield'),
    priyaId: id('Priya Raman'),
    samId: id('Sam Ortiz'),
  };
}
