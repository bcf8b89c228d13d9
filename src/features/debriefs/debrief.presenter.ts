/** What the API returns for a debrief; an interview with none yet gets an empty one. */
import { z } from 'zod';
import type { Debrief } from '../../core/types';

export const debriefView = z.object({
  interviewId: z.string(),
  feeling: z.string(),
  wentWell: z.string(),
  improve: z.string(),
  promises: z.string(),
  notes: z.array(
    z.object({ contactId: z.string(), memorable: z.string(), topics: z.string(), problem: z.string() }),
  ),
  /** Null until the first save. */
  updatedAt: z.string().nullable(),
});
export type DebriefView = z.infer<typeof debriefView>;

export const presentDebrief = (interviewId: string, d: Debrief | null): DebriefView =>
  d
    ? {
        interviewId: d.interviewId,
        feeling: d.feeling,
        wentWell: d.wentWell,
        improve: d.improve,
        promises: d.promises,
        notes: d.notes.map((n) => ({
          contactId: n.contactId,
          memorable: n.memorable,
          topics: n.topics,
          problem: n.problem,
        })),
        updatedAt: d.updatedAt,
      }
    : { interviewId, feeling: '', wentWell: '', improve: '', promises: '', notes: [], updatedAt: null };
