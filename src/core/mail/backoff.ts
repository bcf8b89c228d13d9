/**
 * When to try again after a temporary failure (an SMTP 4xx or a lost connection before the
 * message was handed over). Deterministic: the same attempts give the same schedule, so tests
 * and the outbox page can show the next try.
 */
import type { Temporal } from '../time';

/** Delays after the 1st, 2nd, … failed attempt: 1 min, 5 min, 15 min, 1 h, 4 h, 12 h. */
export const RETRY_DELAYS_SECONDS: readonly number[] = [60, 300, 900, 3600, 4 * 3600, 12 * 3600];

/** After this many attempts a message that still meets temporary failures is marked failed. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * The next attempt after `attempts` failed ones, or null when it is time to give up.
 * `jitter` in [0, 1) spreads retries of many messages by up to 10% (0 for none).
 */
export function nextAttemptAt(now: Temporal.Instant, attempts: number, jitter = 0): Temporal.Instant | null {
  if (attempts < 1) return now;
  const delay = RETRY_DELAYS_SECONDS[attempts - 1];
  if (delay === undefined) return null;
  return now.add({ seconds: Math.round(delay * (1 + 0.1 * Math.min(Math.max(jitter, 0), 0.999))) });
}
