/**
 * HTTP routes for sending from the user's own mail app: the note as a `mailto:` URL, or as an
 * `.eml` file to open; "mark as sent" (messages routes) records it afterwards.
 */
import { z } from 'zod';
import { type FeatureRoutes, idParams } from '../route-kit';
import { emlFor, mailtoFor } from './handoff.service';

export const handoffRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/messages/:id/mailto',
    {
      schema: {
        tags: ['messages'],
        description: 'The note as a mailto: URL (RFC 6068) for the mail app.',
        params: idParams,
        response: { 200: z.object({ url: z.string() }) },
      },
    },
    async (req) => ({ url: await mailtoFor(await contextOf(req), req.params.id) }),
  );

  app.get(
    '/messages/:id/eml',
    { schema: { tags: ['messages'], description: 'The note as an .eml file.', params: idParams } },
    async (req, reply) => {
      const eml = await emlFor(await contextOf(req), req.params.id);
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', 'attachment; filename="afterview-note.eml"')
        .header('cache-control', 'no-store')
        .send(eml);
    },
  );
};
