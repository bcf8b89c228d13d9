import type { Dialect } from '../src/db/connect';

/**
 * Which dialects the repository and service tests run against: both by default,
 * narrowed with AFTERVIEW_TEST_DIALECTS=sqlite (or =postgres).
 */
export function testDialects(): Dialect[] {
  const raw = process.env.AFTERVIEW_TEST_DIALECTS ?? 'sqlite,postgres';
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Dialect => s === 'sqlite' || s === 'postgres');
  return list.length > 0 ? list : ['sqlite'];
}
