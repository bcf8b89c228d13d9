/** What the API returns for a debrief; an interview with none yet gets an empty one. */
import { z } from 'zod';
import type { Debrief } from '../../core/types';

export const debriefView = z.object({
  interviewId: z.string(),
  feeling: z.string(),
  wentWell: z.string(),
  /** Private: what to practise. Shown to the user only, never put in a note. */
  improve: z.string(),
  addToAnswer: z.string(),
  /** The per-interview promise of older debriefs. */
  promises: z.string(),
  notes: z.array(
    z.object({
      contactId: z.string(),
      memorable: z.string(),
      topics: z.string(),
      problem: z.string(),
      promise: z.string(),
    }),
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
        addToAnswer: d.addToAnswer,
        promises: d.promises,
        notes: d.notes.map((n) => ({
          contactId: n.contactId,
          memorable: n.memorable,
          topics: n.topics,
          problem: n.problem,
          promise: n.promise,
        })),
        updatedAt: d.updatedAt,
      }
    : {
        interviewId,
        feeling: '',
        wentWell: '',
        improve: '',
        addToAnswer: '',
        promises: '',
        notes: [],
        updatedAt: null,
      };
