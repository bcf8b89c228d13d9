/**
 * `GET /feed/<token>.ics`: the private calendar feed. Outside /api because calendar apps fetch
 * it with no cookie; the unguessable token in the path is the only key, and an unknown or
 * revoked token gets the same 404 as a path that never existed.
 */
import { z } from 'zod';
import type { FeatureRoutes } from '../route-kit';
import { buildFeed } from './feed.service';
import { actorForFeedToken } from './feed-token.service';

export const feedRoutes: FeatureRoutes = async (app, { db, forAccount, now }) => {
  app.get(
    '/feed/:file',
    { schema: { hide: true, params: z.object({ file: z.string().max(120) }) } },
    async (req, reply) => {
      const token = /^(.+)\.ics$/.exec(req.params.file)?.[1] ?? '';
      const actor = await actorForFeedToken(db, token);
      if (!actor) {
        return reply
          .code(404)
          .send({ error: { code: 'not-found', message: 'No calendar feed at this address.' } });
      }
      // The token is looked up across accounts; the feed itself is read as its account only, so on
      // PostgreSQL row-level security holds here as on every signed-in request.
      const body = await buildFeed({ db: forAccount(actor.accountId), actor, now: now() });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .send(body);
    },
  );
};
