/**
 * Every migration, imported statically so the bundled CLI carries them (a folder scan would not
 * survive bundling). Names sort by time; never edit one that has shipped, add a new file.
 */
import type { Migration } from 'kysely';
import * as initial from './2026-11-26T0600-initial';
import * as mail from './2026-11-26T0700-mail';
import * as outboxClaimIndex from './2026-11-26T0710-outbox-claim-index';
import * as debriefFieldsLocale from './2026-11-27T1000-debrief-fields-locale';
import * as inboundMail from './2026-11-27T1300-inbound-mail';
import * as planWake from './2026-11-27T1400-plan-wake';
import * as messageActionKeyIndex from './2026-11-27T1401-message-action-key-index';
import * as hostedAuth from './2026-11-27T1600-hosted-auth';
import * as tenantKeysRls from './2026-11-27T1700-tenant-keys-rls';
import * as draftEditedAt from './2026-11-27T1800-draft-edited-at';
import * as coachGrant from './2026-11-27T1910-coach-grant';
import * as accountTemplateAuthFailure from './2026-11-27T1920-account-template-auth-failure';
import * as systemMail from './2026-11-27T1930-system-mail';

export const migrations: Record<string, Migration> = {
  '2026-11-26T0600-initial': initial,
  '2026-11-26T0700-mail': mail,
  '2026-11-26T0710-outbox-claim-index': outboxClaimIndex,
  '2026-11-27T1000-debrief-fields-locale': debriefFieldsLocale,
  '2026-11-27T1300-inbound-mail': inboundMail,
  '2026-11-27T1400-plan-wake': planWake,
  '2026-11-27T1401-message-action-key-index': messageActionKeyIndex,
  '2026-11-27T1600-hosted-auth': hostedAuth,
  '2026-11-27T1700-tenant-keys-rls': tenantKeysRls,
  '2026-11-27T1800-draft-edited-at': draftEditedAt,
  '2026-11-27T1910-coach-grant': coachGrant,
  '2026-11-27T1920-account-template-auth-failure': accountTemplateAuthFailure,
  '2026-11-27T1930-system-mail': systemMail,
};
