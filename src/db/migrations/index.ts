/**
 * Every migration by name, each body imported only when it is needed. The names are read on every
 * start (is the schema current?); the bodies only when it is behind, which is rare, so a start
 * does not parse and compile every migration ever written (a static import, not a folder scan,
 * because the bundled CLI must carry them). Names sort by time; never edit one that has shipped,
 * add a new file and a line here.
 */
import type { Migration } from 'kysely';

export const migrationLoaders: Record<string, () => Promise<Migration>> = {
  '2026-11-26T0600-initial': () => import('./2026-11-26T0600-initial'),
  '2026-11-26T0700-mail': () => import('./2026-11-26T0700-mail'),
  '2026-11-26T0710-outbox-claim-index': () => import('./2026-11-26T0710-outbox-claim-index'),
  '2026-11-27T1000-debrief-fields-locale': () => import('./2026-11-27T1000-debrief-fields-locale'),
  '2026-11-27T1300-inbound-mail': () => import('./2026-11-27T1300-inbound-mail'),
  '2026-11-27T1400-plan-wake': () => import('./2026-11-27T1400-plan-wake'),
  '2026-11-27T1401-message-action-key-index': () => import('./2026-11-27T1401-message-action-key-index'),
  '2026-11-27T1600-hosted-auth': () => import('./2026-11-27T1600-hosted-auth'),
  '2026-11-27T1700-tenant-keys-rls': () => import('./2026-11-27T1700-tenant-keys-rls'),
  '2026-11-27T1800-draft-edited-at': () => import('./2026-11-27T1800-draft-edited-at'),
  '2026-11-27T1910-coach-grant': () => import('./2026-11-27T1910-coach-grant'),
  '2026-11-27T1920-account-template-auth-failure': () =>
    import('./2026-11-27T1920-account-template-auth-failure'),
  '2026-11-27T1930-system-mail': () => import('./2026-11-27T1930-system-mail'),
  '2026-11-28T0300-plan-wake-awake-index': () => import('./2026-11-28T0300-plan-wake-awake-index'),
  '2026-11-28T0500-action-key-target-index': () => import('./2026-11-28T0500-action-key-target-index'),
};

/** The names this build knows, in the order they apply. */
export const migrationNames: readonly string[] = Object.keys(migrationLoaders).sort();

/** Every migration body, for Kysely's Migrator (imported here, on demand). */
export async function loadMigrations(): Promise<Record<string, Migration>> {
  const loaded = await Promise.all(
    migrationNames.map(
      async (name) => [name, await (migrationLoaders[name] as () => Promise<Migration>)()] as const,
    ),
  );
  return Object.fromEntries(loaded);
}
