/**
 * The playbook: the recruiter-written rules for the waiting period, as data. The defaults below
 * are DESIGN.md's; a user overrides any number in a JSON or YAML file, validated by
 * playbook-schema.ts (which loads zod: only where a playbook is parsed, not on every read).
 */
import type { z } from 'zod';
import type { playbookSchema } from './playbook-schema';

export type Playbook = z.infer<typeof playbookSchema>;
/** What a user may write in a playbook file: any subset of the fields. */
export type PlaybookOverrides = z.input<typeof playbookSchema>;

/** The playbook that ships with the app (playbook.test.ts checks it is the schema's defaults). */
export const DEFAULT_PLAYBOOK: Playbook = {
  workdayStart: '09:00',
  workdayEnd: '17:00',
  collectContact: { enabled: true, afterWithinHours: 4 },
  debrief: { enabled: true, withinHours: 2 },
  thankYou: { enabled: true, preset: 'hours', withinHours: 24, sameDayCutoff: '20:00' },
  checkIn: { enabled: true, afterDecisionBusinessDays: 1, checkInAfter: 5, minGap: 5, maxCheckIns: 3 },
  thanksForConsideration: { enabled: true, withinBusinessDays: 2, includeInterviewers: false },
  reconnect: { enabled: true, afterDays: 90 },
};

/** True when stored overrides change nothing (most accounts): the defaults need no validating. */
export function overridesNothing(overrides: unknown): boolean {
  return (
    overrides === null ||
    overrides === undefined ||
    (typeof overrides === 'object' && !Array.isArray(overrides) && Object.keys(overrides).length === 0)
  );
}

/** A copy of the defaults the caller may change. */
export const defaultPlaybook = (): Playbook => structuredClone(DEFAULT_PLAYBOOK);
