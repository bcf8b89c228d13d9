/**
 * The backup document: everything of one account as one versioned JSON file. The zod shape is
 * the contract: `afterview export` writes it, `importBackup` validates a whole file against it
 * before writing anything. Field names are the domain's (camelCase), not the tables', so the file
 * stays readable and survives column renames.
 *
 * Left out on purpose: mail settings (SMTP/IMAP URLs and sealed passwords: secrets never leave in
 * a backup, and half a connection without its password is worse than none), the calendar feed
 * token (a secret URL) and the outbox's lease (a claim by a running worker on this machine).
 */
import { z } from 'zod';
import { LOCALES } from '../../core/drafts/locale';
import { isCalendarDate } from '../../core/time';
import { MESSAGE_KINDS, MESSAGE_STATUSES, PARTICIPANT_ROLES, STAGES } from '../../core/types';
import { TEMPLATE_NAMES } from '../templates/template.service';

export const BACKUP_FORMAT = 'afterview-backup';
export const BACKUP_VERSION = 1;

const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z$/,
    'must be a UTC time like 2026-12-08T18:00:00Z',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real moment');
const plainDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-18')
  .refine(isCalendarDate, 'is not a real calendar date');
const id = z.string().min(1, 'is required').max(100);
const text = (max: number) => z.string().max(max);
const strings = z.array(z.string().max(2000)).max(1000);

const provenance = z.object({
  field: text(100),
  value: text(2000),
  source: text(200),
  at: instant,
});

export const backupContactSchema = z.object({
  id,
  displayName: z.string().min(1, 'is required').max(300),
  title: text(300).nullable(),
  company: text(300).nullable(),
  emails: strings,
  badEmails: strings,
  phones: strings,
  links: strings,
  provenance: z.array(provenance).max(1000),
  notes: text(100_000),
  createdAt: instant,
  updatedAt: instant,
});

export const backupOpportunitySchema = z.object({
  id,
  company: z.string().min(1, 'is required').max(300),
  role: z.string().min(1, 'is required').max(300),
  stage: z.enum(STAGES),
  recruiterId: id.nullable(),
  decisionBy: plainDate.nullable(),
  domains: strings,
  links: strings,
  notes: text(100_000),
  stageChangedAt: instant,
  createdAt: instant,
  updatedAt: instant,
});

export const backupInterviewSchema = z
  .object({
    id,
    opportunityId: id,
    round: z.string().min(1, 'is required').max(300),
    start: instant,
    end: instant,
    timeZone: z.string().min(1, 'is required').max(100),
    format: text(100).nullable(),
    location: text(2000).nullable(),
    status: z.enum(['scheduled', 'cancelled']),
    sourceUid: text(1000).nullable(),
    sourceSequence: z.number().int().nullable(),
    participants: z.array(z.object({ contactId: id, role: z.enum(PARTICIPANT_ROLES) })).max(200),
    createdAt: instant,
    updatedAt: instant,
  })
  .refine((i) => Date.parse(i.end) > Date.parse(i.start), {
    message: 'the interview must end after it starts',
    path: ['end'],
  });

export const backupDebriefSchema = z.object({
  interviewId: id,
  feeling: text(20_000),
  wentWell: text(20_000),
  /** Private "what to practise": in the user's own backup only. */
  improve: text(20_000),
  // Added with the debrief redesign; backups written before it have none.
  addToAnswer: text(20_000).default(''),
  promises: text(20_000),
  updatedAt: instant,
  notes: z
    .array(
      z.object({
        contactId: id,
        memorable: text(20_000),
        topics: text(20_000),
        problem: text(20_000),
        promise: text(20_000).default(''),
        updatedAt: instant,
      }),
    )
    .max(200),
});

export const backupMessageSchema = z.object({
  id,
  kind: z.enum(MESSAGE_KINDS),
  direction: z.enum(['out', 'in']),
  opportunityId: id.nullable(),
  interviewId: id.nullable(),
  subject: text(998),
  body: text(1_000_000),
  status: z.enum(MESSAGE_STATUSES),
  sendAt: instant.nullable(),
  sentAt: instant.nullable(),
  rfcMessageId: text(1000).nullable(),
  inReplyTo: text(1000).nullable(),
  actionKey: text(1000).nullable(),
  attempts: z.number().int().min(0),
  lastError: text(10_000).nullable(),
  /** When the user last saved a draft's words (absent in older backups: then kept as edited). */
  editedAt: instant.nullable().optional(),
  recipients: z
    .array(
      z.object({
        contactId: id,
        address: text(320).nullable(),
        /** `to`, `cc` for outbound, `from` for inbound. */
        role: z.string().min(1).max(20),
      }),
    )
    .max(200),
  createdAt: instant,
  updatedAt: instant,
});

export const backupDecisionSchema = z.object({
  key: z.string().min(1, 'is required').max(1000),
  decision: z.enum(['done', 'dismissed', 'snoozed']),
  until: instant.nullable(),
  decidedAt: instant,
});

export const backupEventSchema = z.object({
  id,
  kind: z.string().min(1, 'is required').max(100),
  at: instant,
  opportunityId: id.nullable(),
  interviewId: id.nullable(),
  contactId: id.nullable(),
  messageId: id.nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const backupAccountSchema = z.object({
  timeZone: z.string().min(1, 'is required').max(100),
  holidayRegion: z.string().max(20).nullable(),
  ownEmails: z.array(z.string().max(320)).max(50),
  playbookOverrides: z.record(z.string(), z.unknown()),
  signature: text(2000).nullable(),
  displayName: text(300).nullable(),
  /** Null follows the time zone; backups written before locales existed have none. */
  locale: z.enum(LOCALES).nullable().default(null),
});

/** A draft template the user wrote (their copy of a shipped one). */
export const backupTemplateSchema = z.object({
  name: z.enum(TEMPLATE_NAMES),
  text: z.string().min(1, 'is required').max(100_000),
});

export const backupDocumentSchema = z.object({
  format: z.literal(BACKUP_FORMAT, `must be "${BACKUP_FORMAT}"`),
  version: z.literal(
    BACKUP_VERSION,
    `must be ${BACKUP_VERSION} (this Afterview reads version ${BACKUP_VERSION})`,
  ),
  exportedAt: instant,
  account: backupAccountSchema,
  contacts: z.array(backupContactSchema),
  opportunities: z.array(backupOpportunitySchema),
  interviews: z.array(backupInterviewSchema),
  debriefs: z.array(backupDebriefSchema),
  messages: z.array(backupMessageSchema),
  decisions: z.array(backupDecisionSchema),
  events: z.array(backupEventSchema),
  /** The user's own draft templates; backups written before templates were exported have none. */
  templates: z
    .array(backupTemplateSchema)
    .max(TEMPLATE_NAMES.length * 4)
    .default([]),
});

export type BackupDocument = z.infer<typeof backupDocumentSchema>;
export type BackupAccount = z.infer<typeof backupAccountSchema>;
