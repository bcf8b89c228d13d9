/** HTTP routes for messages: drafts, "mark as sent", and notes or replies recorded by hand. */
import { z } from 'zod';
import { getOpportunity } from '../opportunities/opportunity.service';
import { type FeatureRoutes, idParams } from '../route-kit';
import { messageView, presentMessage } from './message.presenter';
import { draftSchema, recordMessageSchema, updateDraftSchema } from './message.schemas';
import { getMessage, listMessages, markSent, recordMessage, saveDraft, updateDraft } from './message.service';
import { noteForAction } from './note-for-action.service';

export const markSentSchema = z.object({ at: z.string().optional() });

export const noteForActionView = z.object({
  action: z.object({
    key: z.string(),
    rule: z.string(),
    state: z.enum(['open', 'done', 'dismissed', 'snoozed', 'fulfilled']),
    title: z.string(),
    due: z.string(),
    opportunityId: z.string(),
    interviewId: z.string().nullable(),
    contactId: z.string().nullable(),
  }),
  draft: messageView.nullable(),
  sent: messageView.nullable(),
});
export type NoteForActionView = z.infer<typeof noteForActionView>;

export const messageRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/messages',
    {
      schema: {
        tags: ['messages'],
        querystring: z.object({ opportunityId: z.string().optional() }),
        response: { 200: z.object({ messages: z.array(messageView) }) },
      },
    },
    async (req) => {
      const ctx = await contextOf(req);
      // 404 for an opportunity that is not this account's, not an empty list that looks like one.
      if (req.query.opportunityId) await getOpportunity(ctx, req.query.opportunityId);
      return { messages: (await listMessages(ctx, req.query.opportunityId)).map(presentMessage) };
    },
  );

  app.get(
    '/messages/for-action',
    {
      schema: {
        tags: ['messages'],
        description:
          'What Compose opens on for an action: its state, its saved draft, the note that fulfilled it.',
        querystring: z.object({ key: z.string().min(1, 'is required').max(300) }),
        response: { 200: noteForActionView },
      },
    },
    async (req) => {
      const n = await noteForAction(await contextOf(req), req.query.key);
      return {
        action: n.action,
        draft: n.draft && presentMessage(n.draft),
        sent: n.sent && presentMessage(n.sent),
      };
    },
  );

  app.get(
    '/messages/:id',
    { schema: { tags: ['messages'], params: idParams, response: { 200: messageView } } },
    async (req) => presentMessage(await getMessage(await contextOf(req), req.params.id)),
  );

  app.post(
    '/messages',
    {
      schema: {
        tags: ['messages'],
        description: 'Record a note sent outside Afterview, or a reply received.',
        body: recordMessageSchema,
        response: { 201: messageView },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentMessage(await recordMessage(await contextOf(req), req.body))),
  );

  app.post(
    '/drafts',
    {
      schema: {
        tags: ['messages'],
        description: 'Save a draft; a draft for the same action is updated in place.',
        body: draftSchema,
        response: { 200: messageView },
      },
    },
    async (req) => presentMessage(await saveDraft(await contextOf(req), req.body)),
  );

  app.patch(
    '/messages/:id',
    {
      schema: {
        tags: ['messages'],
        params: idParams,
        body: updateDraftSchema,
        response: { 200: messageView },
      },
    },
    async (req) => presentMessage(await updateDraft(await contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/messages/:id/sent',
    {
      schema: {
        tags: ['messages'],
        description: 'Mark a draft as sent from your own mail app.',
        params: idParams,
        body: markSentSchema,
        response: { 200: messageView },
      },
    },
    async (req) => presentMessage(await markSent(await contextOf(req), req.params.id, req.body.at)),
  );
};
