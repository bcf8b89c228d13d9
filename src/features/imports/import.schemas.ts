/**
 * Shapes of the import API: a file sent as text or base64, the bundle it was understood as (which
 * the web app shows, lets the user correct, and sends back to save), and what saving did.
 */
import { z } from 'zod';
import { CSV_FIELDS } from '../../core/capture/csv';
import { PARTICIPANT_ROLES, STAGES } from '../../core/types';

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();

export const capturedContactSchema = z.object({
  key: text(300).min(1),
  displayName: nullableText(300),
  nameAsWritten: nullableText(300),
  title: nullableText(300),
  company: nullableText(300),
  emails: z.array(z.email().max(320)).max(20),
  phones: z.array(text(64)).max(20),
  links: z.array(text(2000)).max(20),
  notes: text(20_000),
  source: z.enum(['ics', 'vcard', 'schedule', 'csv', 'card']),
  origin: text(300),
});

export const capturedInterviewSchema = z.object({
  key: text(300).min(1),
  uid: nullableText(1000),
  sequence: z.number().int().min(0).max(1_000_000),
  status: z.enum(['scheduled', 'cancelled']),
  round: text(300),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  timeZone: nullableText(100),
  format: z.enum(['onsite', 'video', 'phone']).nullable(),
  location: nullableText(2000),
  meetingUrl: nullableText(2000),
  participants: z.array(z.object({ contactKey: text(300), role: z.enum(PARTICIPANT_ROLES) })).max(300),
  opportunityKey: nullableText(300),
  line: z.number().int().min(0),
});

export const capturedOpportunitySchema = z.object({
  key: text(300).min(1),
  company: text(300).min(1),
  role: nullableText(300),
  stage: z.enum(STAGES).nullable(),
  domains: z.array(text(253)).max(20),
  recruiterKey: nullableText(300),
  appliedOn: z.iso.date().nullable(),
  links: z.array(text(2000)).max(20),
  notes: text(20_000),
  line: z.number().int().min(0).nullable(),
});

const skippedSchema = z.object({
  line: z.number().int().optional(),
  field: z.string().optional(),
  reason: z.string(),
});

/** A bundle as the web app sends it back after the user confirmed (and maybe corrected) it. */
export const captureBundleSchema = z.object({
  source: z.enum(['ics', 'vcard', 'schedule', 'csv', 'card']),
  contacts: z.array(capturedContactSchema).max(20_000),
  interviews: z.array(capturedInterviewSchema).max(5_000),
  opportunities: z.array(capturedOpportunitySchema).max(20_000),
  skipped: z.array(skippedSchema).max(100_000),
  warnings: z.array(z.string()).max(100_000),
});

const csvMappingSchema = z.partialRecord(z.enum(CSV_FIELDS), z.string().max(300).nullable());

/** A file to read: its name (the extension picks the reader) and its content. */
export const importFileSchema = z
  .object({
    fileName: z.string().min(1).max(300),
    /** Text files may be sent as they are... */
    text: z.string().optional(),
    /** ...any file (and images must be) as base64. */
    contentBase64: z.string().optional(),
    csvMapping: csvMappingSchema.optional(),
  })
  .refine((f) => (f.text === undefined) !== (f.contentBase64 === undefined), {
    message: 'send the file as exactly one of text or contentBase64',
    path: ['text'],
  });
export type ImportFileInput = z.infer<typeof importFileSchema>;

/** Save: either the (confirmed) bundle, or a file to read and save as it is. */
export const applyImportSchema = z.object({
  fileName: z.string().min(1).max(300).optional(),
  bundle: captureBundleSchema.optional(),
  file: importFileSchema.optional(),
  opportunityId: z.string().min(1).max(100).optional(),
  /** Everyone in the file joins this interview as an interviewer (a card scanned from an interview). */
  interviewId: z.string().min(1).max(100).optional(),
});

const summaryItem = z.object({ id: z.string(), round: z.string(), start: z.string() });

export const importResultView = z.object({
  dryRun: z.boolean(),
  opportunities: z.object({
    created: z.array(z.object({ id: z.string(), company: z.string(), role: z.string() })),
    matched: z.array(z.object({ id: z.string(), company: z.string(), role: z.string() })),
  }),
  contacts: z.object({
    created: z.array(z.object({ id: z.string(), displayName: z.string() })),
    merged: z.array(z.object({ id: z.string(), displayName: z.string(), added: z.array(z.string()) })),
  }),
  interviews: z.object({
    created: z.array(summaryItem),
    updated: z.array(summaryItem),
    cancelled: z.array(summaryItem),
    unchanged: z.array(summaryItem),
  }),
  skipped: z.array(skippedSchema),
  warnings: z.array(z.string()),
});

export const importPreviewView = z.object({
  kind: z.enum(['ics', 'vcard', 'csv', 'schedule', 'card']),
  understood: captureBundleSchema,
  csv: z
    .object({ headers: z.array(z.string()), mapping: z.record(z.string(), z.string().nullable()) })
    .optional(),
  ocrText: z.string().optional(),
  /** What saving would do now (a dry run): created, matched, merged, updated. */
  plan: importResultView,
});
