/**
 * HTTP routes for sending from the user's own mail app: the note as a `mailto:` URL, or as an
 * `.eml` file to open; "mark as sent" (messages routes) records it afterwards.
 */
import { z } from 'zod';
import { type FeatureRoutes, idParams } from '../route-kit';
import { emlFor, mailtoFor } from './handoff.service';

// `force=1` is the user's explicit "send anyway" over checker errors, the same word sending takes.
const handoffQuery = z.object({ force: z.enum(['0', '1', 'true', 'false']).optional() });
const forced = (q: z.infer<typeof handoffQuery>) => ({ force: q.force === '1' || q.force === 'true' });

export const handoffRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/messages/:id/mailto',
    {
      schema: {
        tags: ['messages'],
        description:
          'The note as a mailto: URL (RFC 6068) for the mail app. 422 when the checker finds errors, unless `force=1`.',
        params: idParams,
        querystring: handoffQuery,
        response: { 200: z.object({ url: z.string() }) },
      },
    },
    async (req) => ({ url: await mailtoFor(await contextOf(req), req.params.id, forced(req.query)) }),
  );

  app.get(
    '/messages/:id/eml',
    {
      schema: {
        tags: ['messages'],
        description: 'The note as an .eml file. 422 when the checker finds errors, unless `force=1`.',
        params: idParams,
        querystring: handoffQuery,
      },
    },
    async (req, reply) => {
      const eml = await emlFor(await contextOf(req), req.params.id, forced(req.query));
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', 'attachment; filename="afterview-note.eml"')
        .header('cache-control', 'no-store')
        .send(eml);
    },
  );
};
