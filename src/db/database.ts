/** The one Database interface every Kysely query is typed against, built from the per-table types. */
import type { Kysely, Transaction } from 'kysely';
import type { AccountTable } from './tables/account.table';
import type { AccountTemplateTable } from './tables/account-template.table';
import type { ActionDecisionTable } from './tables/action-decision.table';
import type {
  AuthAccountTable,
  AuthSessionTable,
  AuthUserTable,
  AuthVerificationTable,
} from './tables/auth.table';
import type { AuthFailureTable } from './tables/auth-failure.table';
import type { CoachGrantTable } from './tables/coach-grant.table';
import type { ContactTable } from './tables/contact.table';
import type { DebriefNoteTable, DebriefTable } from './tables/debrief.table';
import type { EventTable } from './tables/event.table';
import type { InboundMailTable } from './tables/inbound-mail.table';
import type { InterviewParticipantTable, InterviewTable } from './tables/interview.table';
import type { MailAccountTable, MailboxStateTable } from './tables/mail-account.table';
import type { MessageContactTable, MessageTable } from './tables/message.table';
import type { OpportunityTable } from './tables/opportunity.table';
import type { PlanWakeTable } from './tables/plan-wake.table';
import type { SystemMailTable } from './tables/system-mail.table';

export interface Database {
  account: AccountTable;
  contact: ContactTable;
  opportunity: OpportunityTable;
  interview: InterviewTable;
  interview_participant: InterviewParticipantTable;
  debrief: DebriefTable;
  debrief_note: DebriefNoteTable;
  message: MessageTable;
  message_contact: MessageContactTable;
  action_decision: ActionDecisionTable;
  event: EventTable;
  mail_account: MailAccountTable;
  mailbox_state: MailboxStateTable;
  inbound_mail: InboundMailTable;
  plan_wake: PlanWakeTable;
  account_template: AccountTemplateTable;
  coach_grant: CoachGrantTable;
  system_mail: SystemMailTable;
  auth_user: AuthUserTable;
  auth_session: AuthSessionTable;
  auth_account: AuthAccountTable;
  auth_verification: AuthVerificationTable;
  auth_failure: AuthFailureTable;
}

export type Db = Kysely<Database>;
/** What repositories take first: the database or an open transaction. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;
