/**
 * Defence in depth for coaches on PostgreSQL, as the app's role (no BYPASSRLS): a grant row is
 * the client's, so the coach's own scoped handle cannot see it even when asked for it by both
 * ids, and the client's handle — the one the coach's reads run on after the grant check — sees
 * the client's grants only. Without PostgreSQL configured this suite is skipped.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { testDialects } from '../../../test/dialects';
import { withDatabase } from '../../../test/global-setup';
import { createTestStore } from '../../../test/store';
import { openStore, type Store } from '../../db/connect';
import * as repo from './coaching.repository';

const AT = '2026-12-01T00:00:00Z';

describe.runIf(testDialects().includes('postgres'))(
  'coach grants under row-level security [postgres]',
  () => {
    it("a coach's own handle sees no client's grant; the client's handle sees only the client's", async () => {
      const admin = await createTestStore('postgres');
      const role = `afterview_coach_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      let app: Store | undefined;
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
        await sql`create role ${sql.id(role)} login password 'app-test' nosuperuser nobypassrls`.execute(
          admin.db,
        );
        await sql`grant usage on schema public to ${sql.id(role)}`.execute(admin.db);
        await sql`grant select, insert, update, delete on all tables in schema public to ${sql.id(role)}`.execute(
          admin.db,
        );
        const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(admin.db);
        const url = new URL(withDatabase(inject('pgAdminUrl'), rows[0]?.db ?? ''));
        url.username = role;
        url.password = 'app-test';
        app = await openStore(url.toString(), { migrate: false });

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
        await app?.close();
        await sql`drop owned by ${sql.id(role)}`.execute(admin.db);
        await admin.close();
        const { default: pg } = await import('pg');
        const root = new pg.Client({ connectionString: inject('pgAdminUrl') });
        await root.connect();
        await root.query(`drop role if exists ${role}`).finally(() => root.end());
      }
    });
  },
);
