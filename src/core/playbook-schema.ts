/**
 * The playbook's schema: what a user may override in a JSON or YAML file, validated with one
 * error per bad field. Kept apart from playbook.ts so that reading an account's playbook (every
 * `afterview today`) does not load zod when there is nothing to validate.
 */
import { z } from 'zod';
import { AppError, describeZodIssues } from './errors';
import type { Playbook } from './playbook';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day like "20:00"');
const positiveInt = z.number().int().min(0);

export const playbookSchema = z
  .object({
    /** Working hours: business-day deadlines fall at `workdayEnd`, check-ins start at `workdayStart`. */
    workdayStart: hhmm.default('09:00'),
    workdayEnd: hhmm.default('17:00'),
    collectContact: z
      .object({
        enabled: z.boolean().default(true),
        /** After the interview ends, how long until the missing details are overdue. */
        afterWithinHours: z
          .number()
          .positive()
          .max(24 * 14)
          .default(4),
      })
      .strict()
      .prefault({}),
    debrief: z
      .object({
        enabled: z.boolean().default(true),
        withinHours: z
          .number()
          .positive()
          .max(24 * 14)
          .default(2),
      })
      .strict()
      .prefault({}),
    thankYou: z
      .object({
        enabled: z.boolean().default(true),
        /** `hours`: due `withinHours` after the interview ends; `same-day`: due at `sameDayCutoff` local time. */
        preset: z.enum(['hours', 'same-day']).default('hours'),
        withinHours: z
          .number()
          .positive()
          .max(24 * 14)
          .default(24),
        sameDayCutoff: hhmm.default('20:00'),
      })
      .strict()
      .prefault({}),
    checkIn: z
      .object({
        enabled: z.boolean().default(true),
        /** Business days after the decision date the company gave. */
        afterDecisionBusinessDays: positiveInt.max(60).default(1),
        /** Business days after the last interview when no decision date was given. */
        checkInAfter: positiveInt.max(60).default(5),
        /** Never sooner than this many business days after your last message to the company. */
        minGap: positiveInt.max(60).default(5),
        /** Unanswered check-ins before the opportunity counts as gone quiet. */
        maxCheckIns: z.number().int().min(1).max(20).default(3),
      })
      .strict()
      .prefault({}),
    thanksForConsideration: z
      .object({
        enabled: z.boolean().default(true),
        withinBusinessDays: z.number().int().min(0).max(60).default(2),
        /** Also propose a note to each interviewer, not only the recruiter. */
        includeInterviewers: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    reconnect: z
      .object({
        enabled: z.boolean().default(true),
        afterDays: z.number().int().min(1).max(3650).default(90),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/**
 * Validate user overrides and merge them over the defaults.
 * @throws AppError('invalid-input') naming the first bad field, e.g. `checkIn.minGap: ...`.
 */
export function parsePlaybook(overrides: unknown, source = 'playbook'): Playbook {
  const result = playbookSchema.safeParse(overrides ?? {});
  if (result.success) return result.data;
  const { message, field } = describeZodIssues(result.error.issues);
  throw new AppError('invalid-input', `${source}: ${message}`, field);
}
