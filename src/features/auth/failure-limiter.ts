/**
 * Counts events per key (an account's e-mail address) in a sliding window and refuses once a key
 * has used its budget: failed sign-ins per account, reset requests per account. In memory, per
 * process: it slows guessing down; several app processes would each keep their own count.
 */
import { AppError } from '../../core/errors';

export class FailureLimiter {
  private readonly events = new Map<string, number[]>();
  constructor(
    private readonly budget: { max: number; windowMs: number },
    private readonly clock: () => number = Date.now,
  ) {}

  /** Recent events of `key`, oldest first, dropping those outside the window. */
  private recent(key: string): number[] {
    const since = this.clock() - this.budget.windowMs;
    const kept = (this.events.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.events.delete(key);
    else this.events.set(key, kept);
    return kept;
  }

  /** @throws AppError('rate-limited') naming when to retry, once `key` has used its budget. */
  check(key: string, what: string): void {
    const recent = this.recent(key);
    if (recent.length < this.budget.max) return;
    const oldest = recent[0] ?? this.clock();
    const seconds = Math.max(1, Math.ceil((oldest + this.budget.windowMs - this.clock()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw new AppError(
      'rate-limited',
      `Too many ${what}; try again in ${seconds < 60 ? `${seconds} seconds` : `${minutes} minute${minutes === 1 ? '' : 's'}`}.`,
    );
  }

  /** Record an event; with `enforce` (the default) refuse first when the budget is used. */
  hit(key: string, what: string, enforce = true): void {
    if (enforce) this.check(key, what);
    const recent = this.recent(key);
    recent.push(this.clock());
    this.events.set(key, recent);
  }

  clear(key: string): void {
    this.events.delete(key);
  }
}
