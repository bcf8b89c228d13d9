/** The debrief form: every field optional so it can be saved as the user types. */
import { z } from 'zod';

const text = z.string().max(10_000);

export const debriefNoteSchema = z.object({
  contactId: z.string().min(1, 'is required'),
  memorable: text.optional(),
  topics: text.optional(),
  problem: text.optional(),
  /** What the user promised this interviewer. */
  promise: text.optional(),
});

export const saveDebriefSchema = z.object({
  feeling: text.optional(),
  wentWell: text.optional(),
  /** PRIVATE: what to practise; never in a note. */
  improve: text.optional(),
  /** A point to add to one of the answers; may go into one interviewer's note. */
  addToAnswer: text.optional(),
  /** The per-interview promise of older debriefs (used only while no interviewer has one). */
  promises: text.optional(),
  notes: z.array(debriefNoteSchema).max(50).default([]),
});
export type SaveDebriefInput = z.input<typeof saveDebriefSchema>;
