/**
 * Counts events per key (an e-mail address, or a client's IP address) in a sliding window and
 * refuses once a key has used its budget: failed sign-ins per address, reset requests per address,
 * requests to the sign-in routes per client address. The counts live in the
 * database (auth_failure), so every app process of an installation shares one budget: with N
 * processes an attacker does not get N times the guesses. The address is stored only as its
 * SHA-256, and addresses with no account are counted like the others (a difference would tell
 * a guesser which addresses have one).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import { formatInstant, type Temporal } from '../../core/time';
import type { Db } from '../../db/database';
import { newId } from '../../db/ids';
import type { AuthFailureTable } from '../../db/tables/auth-failure.table';
import * as repo from './auth-failure.repository';

export interface FailureBudget {
  /** What is counted: failed sign-ins, or password reset requests. */
  kind: AuthFailureTable['kind'];
  max: number;
  windowMs: number;
}

/** The key an address is counted under: the same for any spelling of the same address. */
const keyOf = (address: string) => createHash('sha256').update(address.trim().toLowerCase()).digest('hex');

export class FailureLimiter {
  constructor(
    private readonly db: Db,
    private readonly budget: FailureBudget,
    private readonly now: () => Temporal.Instant,
  ) {}

  private since(): string {
    return formatInstant(this.now().subtract({ milliseconds: this.budget.windowMs }));
  }

  /** Seconds until `address` may try again, or null while it has budget left. */
  async waitSeconds(address: string): Promise<number | null> {
    const { count, oldest } = await repo.recentFailures(
      this.db,
      keyOf(address),
      this.budget.kind,
      this.since(),
    );
    if (count < this.budget.max) return null;
    const now = this.now().epochMilliseconds;
    const first = oldest ? Date.parse(oldest) : now;
    return Math.max(1, Math.ceil((first + this.budget.windowMs - now) / 1000));
  }

  /** @throws AppError('rate-limited') naming when to retry, once `address` has used its budget. */
  async check(address: string, what: string): Promise<void> {
    const seconds = await this.waitSeconds(address);
    if (seconds !== null) throw tooMany(what, seconds);
  }

  /** Record an event; with `enforce` (the default) refuse first when the budget is used. */
  async hit(address: string, what: string, enforce = true): Promise<void> {
    if (enforce) await this.check(address, what);
    const at = formatInstant(this.now());
    await repo.insertFailure(this.db, { id: newId(), key_hash: keyOf(address), kind: this.budget.kind, at });
    // Old events of every address go on the way: the table holds one window's worth at most.
    await repo.pruneFailures(this.db, this.budget.kind, this.since());
  }

  async clear(address: string): Promise<void> {
    await repo.clearFailures(this.db, keyOf(address), this.budget.kind);
  }
}

/** The 429 for `what` ("failed sign-ins for this account"), saying when to try again. */
export function tooMany(what: string, seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  const when = seconds < 60 ? `${seconds} seconds` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new AppError('rate-limited', `Too many ${what}; try again in ${when}.`);
}
