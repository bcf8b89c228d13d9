/** The debrief form: every field optional so it can be saved as the user types. */
import { z } from 'zod';

const text = z.string().max(10_000);

export const debriefNoteSchema = z.object({
  contactId: z.string().min(1, 'is required'),
  memorable: text.optional(),
  topics: text.optional(),
  problem: text.optional(),
});

export const saveDebriefSchema = z.object({
  feeling: text.optional(),
  wentWell: text.optional(),
  improve: text.optional(),
  promises: text.optional(),
  notes: z.array(debriefNoteSchema).max(50).default([]),
});
export type SaveDebriefInput = z.input<typeof saveDebriefSchema>;
