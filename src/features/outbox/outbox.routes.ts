/**
 * HTTP routes for sending: put a checked note in the outbox (now or later; the worker in
 * `afterview serve` sends it) and list the outbox. The mail-app hand-off is handoff.routes.ts.
 */
import { z } from 'zod';
import { MESSAGE_STATUSES } from '../../core/types';
import { serverSecretBox } from '../mail/mail.routes';
import { messageView, presentMessage } from '../messages/message.presenter';
import { type FeatureRoutes, idParams } from '../route-kit';
import { listOutbox, type OutboxEntry, scheduleSend } from './outbox.service';

export const outboxEntryView = messageView.extend({
  status: z.enum(MESSAGE_STATUSES),
  rfcMessageId: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
});

const presentEntry = (m: OutboxEntry) => ({
  ...presentMessage(m),
  rfcMessageId: m.rfcMessageId,
  attempts: m.attempts,
  lastError: m.lastError,
});

export const outboxRoutes: FeatureRoutes = async (app, { contextOf, dataDir }) => {
  const box = serverSecretBox(dataDir);

  app.post(
    '/messages/:id/send',
    {
      schema: {
        tags: ['outbox'],
        description:
          'Check the note and put it in the outbox for `at` (default now). 422 when the checker finds errors, unless `force`.',
        params: idParams,
        body: z.object({ at: z.string().max(40).optional(), force: z.boolean().optional() }),
        response: {
          200: z.object({
            message: outboxEntryView,
            findings: z.array(
              z.object({
                rule: z.string(),
                severity: z.string(),
                message: z.string(),
                start: z.number(),
                end: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const r = await scheduleSend(await contextOf(req), { box }, req.params.id, req.body);
      return { message: presentEntry(r.message), findings: r.findings };
    },
  );

  app.get(
    '/outbox',
    { schema: { tags: ['outbox'], response: { 200: z.object({ messages: z.array(outboxEntryView) }) } } },
    async (req) => ({ messages: (await listOutbox(await contextOf(req))).map(presentEntry) }),
  );
};
