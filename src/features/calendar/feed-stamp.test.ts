import { expect, it } from 'vitest';
import { createTestApi } from '../../../test/http';
import { seedStory } from '../../../test/http-story';
import { describeEachDialect } from '../../../test/store';

describeEachDialect('calendar feed stamp', (t) => {
  it("stamps the feed with the request's now, not the wall clock: the same plan at the same now is the same file", async () => {
    const api = await createTestApi(t.store, { now: '2026-12-01T16:00:00Z' });
    await seedStory(api);
    api.setNow('2026-12-01T19:00:00Z');
    const path = (await api.post('/api/settings/feed')).json().feedPath;
    const first = (await api.get(path)).body;
    const stamps = first.match(/^DTSTAMP:.*$/gm) ?? [];
    expect(stamps.length).toBeGreaterThan(0);
    for (const s of stamps) expect(s).toBe('DTSTAMP:20261201T190000Z');
    // Let the wall clock move on (DTSTAMP shows whole seconds) and ask again at the same now.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await api.get(path)).body).toBe(first);
    await api.close();
  });
});
