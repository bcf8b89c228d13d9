/** A service context on a test store: a fresh account at a fixed moment. */
import { Temporal } from '../src/core/time';
import type { Store } from '../src/db/connect';
import { createAccount } from '../src/features/accounts/account.service';
import type { ServiceContext } from '../src/features/context';

export const DEFAULT_TEST_NOW = '2026-12-01T17:00:00Z';

export async function createTestContext(
  store: Store,
  options: { now?: string; timeZone?: string; holidayRegion?: string | null } = {},
): Promise<ServiceContext> {
  const now = Temporal.Instant.from(options.now ?? DEFAULT_TEST_NOW);
  const actor = await createAccount(store.db, now, {
    timeZone: options.timeZone ?? 'America/Los_Angeles',
    holidayRegion: options.holidayRegion ?? 'US',
  });
  return { db: store.db, actor, now };
}

/** The same context at another moment. */
export const at = (ctx: ServiceContext, iso: string): ServiceContext => ({
  ...ctx,
  now: Temporal.Instant.from(iso),
});
