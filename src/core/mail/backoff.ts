/**
 * When to try again after a temporary failure (an SMTP 4xx or a lost connection before the
 * message was handed over). Deterministic: the same attempts give the same schedule, so tests
 * and the outbox page can show the next try.
 */
import { formatInstant, type Temporal } from '../time';
import type { SendOutcome } from './smtp-outcome';

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

/** Where a message stands after one attempt to send it. */
export type AttemptStatus = 'sent' | 'scheduled' | 'failed' | 'uncertain';

/** The columns that record an attempt, on a user's message and on a system mail alike. */
export interface AttemptPatch {
  status: AttemptStatus;
  sent_at?: string;
  send_at?: string;
  lease_until: null;
  last_error: string | null;
  updated_at: string;
}

/**
 * What one attempt makes of a message, for every outbox (users' notes and the server's own mails):
 * sent; a temporary failure tried again on the backoff schedule, or given up after the last try;
 * a permanent failure; or `uncertain` when the answer was lost after the message was handed over,
 * which is never retried, so nothing goes out twice. `attempts` counts this one.
 */
export function afterAttempt(
  result: SendOutcome | { outcome: 'sent'; reason: null },
  attempts: number,
  now: Temporal.Instant,
): AttemptPatch {
  const at = formatInstant(now);
  if (result.outcome === 'sent') {
    return { status: 'sent', sent_at: at, lease_until: null, last_error: null, updated_at: at };
  }
  if (result.outcome === 'temporary') {
    const next = nextAttemptAt(now, attempts);
    if (next) {
      const send_at = formatInstant(next);
      return { status: 'scheduled', send_at, lease_until: null, last_error: result.reason, updated_at: at };
    }
    const last_error = `Gave up after ${attempts} attempts: ${result.reason}`;
    return { status: 'failed', lease_until: null, last_error, updated_at: at };
  }
  const status = result.outcome === 'permanent' ? 'failed' : 'uncertain';
  return { status, lease_until: null, last_error: result.reason, updated_at: at };
}
