/**
 * The settings form and what the API returns for it. Playbook numbers are checked by the same
 * `parsePlaybook` as a playbook file, so the form and the file refuse the same mistakes.
 */
import { z } from 'zod';
import { LOCALES } from '../../core/drafts/locale';
import { playbookSchema } from '../../core/playbook-schema';

export const settingsPatchSchema = z.object({
  timeZone: z.string().trim().min(1, 'is required').max(100).optional(),
  holidayRegion: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}(-[A-Za-z0-9]{1,4}){0,2}$/, 'must be a region code such as US, US-CA or DE-BY')
    .nullable()
    .optional(),
  ownEmails: z.array(z.email('must be an email address').max(320)).max(20).optional(),
  /** Any subset of the playbook's fields; validated by the service with field-level errors. */
  playbookOverrides: z.record(z.string(), z.unknown()).optional(),
  signature: z.string().max(2000).nullable().optional(),
  displayName: z.string().trim().max(200).nullable().optional(),
  /** 'en-US' or 'en-GB'; null follows the time zone again. */
  locale: z.enum(LOCALES).nullable().optional(),
});
export type SettingsPatchInput = z.input<typeof settingsPatchSchema>;

export const settingsView = z.object({
  timeZone: z.string(),
  holidayRegion: z.string().nullable(),
  ownEmails: z.array(z.string()),
  playbookOverrides: z.record(z.string(), z.unknown()),
  /** The defaults with the overrides applied: what the planner uses. */
  playbook: playbookSchema,
  signature: z.string().nullable(),
  displayName: z.string().nullable(),
  /** The effective locale: dates in notes and in the app, the spelling dictionary. */
  locale: z.enum(LOCALES),
  /** False when the locale follows the time zone's region. */
  localeChosen: z.boolean(),
  /** Path of the private calendar feed (`/feed/<token>.ics`), or null when there is none. */
  feedPath: z.string().nullable(),
  /**
   * Which server answers: `local` (one user, no accounts) or `hosted` (accounts, sign-in,
   * coaching), so the web app never calls a route its mode does not have.
   */
  mode: z.enum(['local', 'hosted']),
});
export type SettingsView = z.infer<typeof settingsView>;
