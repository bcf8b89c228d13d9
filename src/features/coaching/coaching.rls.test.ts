/**
 * Defence in depth for coaches on PostgreSQL, as the app's role (no BYPASSRLS): a grant row is
 * the client's, so the coach's own scoped handle cannot see it even when asked for it by both
 * ids, and the client's handle — the one the coach's reads run on after the grant check — sees
 * the client's grants only. Without PostgreSQL configured this suite is skipped.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type AppRole, openAsAppRole } from '../../../test/app-role';
import { testDialects } from '../../../test/dialects';
import { createTestStore } from '../../../test/store';
import * as repo from './coaching.repository';

const AT = '2026-12-01T00:00:00Z';

describe.runIf(testDialects().includes('postgres'))(
  'coach grants under row-level security [postgres]',
  () => {
    it("a coach's own handle sees no client's grant; the client's handle sees only the client's", async () => {
      const admin = await createTestStore('postgres');
      let role: AppRole | undefined;
      try {
        for (const id of ['client-a', 'client-b', 'coach-k']) {
          await sql`insert into account (id, time_zone, created_at, updated_at)
          values (${id}, 'UTC', ${AT}, ${AT})`.execute(admin.db);
        }
        for (const client of ['client-a', 'client-b']) {
          await repo.insertGrant(admin.db, {
            account_id: client,
            id: `${client}-g`,
            coach_email: 'kim@example.org',
            coach_account_id: 'coach-k',
            share_notes: 0,
            token_hash: null,
            created_at: AT,
            accepted_at: AT,
            revoked_at: null,
          });
        }
        role = await openAsAppRole(admin, 'afterview_coach');
        const app = role.store;

        // The coach's own handle: nothing, even with both ids right.
        expect(await repo.liveGrant(app.forAccount('coach-k'), 'client-a', 'coach-k')).toBeUndefined();
        expect(await app.forAccount('coach-k').selectFrom('coach_grant').select('id').execute()).toEqual([]);
        // The client's handle: its own grant, and no other client's even without an account filter.
        expect((await repo.liveGrant(app.forAccount('client-a'), 'client-a', 'coach-k'))?.id).toBe(
          'client-a-g',
        );
        expect(await repo.liveGrant(app.forAccount('client-a'), 'client-b', 'coach-k')).toBeUndefined();
        expect(await app.forAccount('client-a').selectFrom('coach_grant').select('id').execute()).toEqual([
          { id: 'client-a-g' },
        ]);
        // The coach's handle cannot end a client's grant either; the client's own can.
        expect(await repo.revokeAsCoach(app.forAccount('coach-k'), 'client-a', 'coach-k', AT)).toBe(0);
        // The system handle (token lookups, the coach's list of clients) sees across accounts.
        expect((await repo.liveGrantsOfCoach(app.db, 'coach-k')).map((g) => g.account_id).sort()).toEqual([
          'client-a',
          'client-b',
        ]);
      } finally {
        await role?.drop();
        await admin.close();
      }
    });
  },
);
