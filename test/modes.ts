/**
 * Which modes the route tests run in: both by default, narrowed with AFTERVIEW_TEST_MODES=local
 * (or =hosted). Local: the one account, no sign-in. Hosted: a user signed up and in through
 * better-auth's /api/auth routes, every request carrying the session cookie (see test/http.ts).
 */
export type TestMode = 'local' | 'hosted';

export function testModes(): TestMode[] {
  const raw = process.env.AFTERVIEW_TEST_MODES ?? 'local,hosted';
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is TestMode => s === 'local' || s === 'hosted');
  return list.length > 0 ? list : ['local'];
}
