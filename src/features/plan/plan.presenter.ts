/** What the API returns for the plan: each action with its rule, due time, urgency and reason. */
import { z } from 'zod';
import { type Action, RULE_IDS } from '../../core/types';

export const actionView = z.object({
  key: z.string(),
  rule: z.enum(RULE_IDS),
  start: z.string(),
  due: z.string(),
  urgency: z.enum(['upcoming', 'due', 'overdue']),
  title: z.string(),
  reason: z.string(),
  /** The calendar date `reason` names (`YYYY-MM-DD`), to be shown like every other date. */
  reasonDate: z.string().nullable(),
  opportunityId: z.string(),
  interviewId: z.string().nullable(),
  contactId: z.string().nullable(),
});
export type ActionView = z.infer<typeof actionView>;

export const todayView = z.object({
  /** Open actions, soonest due first. */
  actions: z.array(actionView),
  /** When nothing is due: when the next thing starts. */
  nextStart: z.string().nullable(),
  /** The server's clock reading, so countdowns agree with the plan (and replays with AFTERVIEW_NOW). */
  now: z.string(),
});
export type TodayView = z.infer<typeof todayView>;

export const presentAction = (a: Action): ActionView => ({
  key: a.key,
  rule: a.rule,
  start: a.start,
  due: a.due,
  urgency: a.urgency,
  title: a.title,
  reason: a.reason,
  reasonDate: a.reasonDate ?? null,
  opportunityId: a.opportunityId,
  interviewId: a.interviewId,
  contactId: a.contactId,
});

/**
 * The body of `GET /api/today` as UTF-8, exactly `JSON.stringify` of the view. Each action's
 * JSON is encoded once and kept with the action object: Today hands out the same object while
 * its slice and urgency stay the same (plan.service.ts), so a server answering Today again
 * encodes only what changed. At scale 300 that was ~0.5 ms of a ~2 ms request: stringifying
 * ~70 KB, and encoding it again as UTF-8 because names like "Nguyễn" make it two-byte text.
 */
export function todayJson(actions: readonly Action[], nextStart: string | null, now: string): Buffer {
  const parts: Buffer[] = [OPEN_ACTIONS];
  actions.forEach((a, i) => {
    if (i > 0) parts.push(COMMA);
    let json = encoded.get(a);
    if (!json) {
      json = Buffer.from(JSON.stringify(presentAction(a)));
      encoded.set(a, json);
    }
    parts.push(json);
  });
  parts.push(Buffer.from(`],"nextStart":${JSON.stringify(nextStart)},"now":${JSON.stringify(now)}}`));
  return Buffer.concat(parts);
}
const encoded = new WeakMap<Action, Buffer>();
const OPEN_ACTIONS = Buffer.from('{"actions":[');
const COMMA = Buffer.from(',');

/** Body of done / dismiss / undo. */
export const actionKeySchema = z.object({ key: z.string().min(1, 'is required').max(300) });
/** Body of snooze. */
export const snoozeSchema = actionKeySchema.extend({ until: z.string().min(1, 'is required') });
