/** Who may read /metrics: a request bearing AFTERVIEW_METRICS_TOKEN. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Whether an Authorization header is `Bearer <token>`. Both sides are hashed first so the
 * comparison is constant-time whatever the lengths.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}
