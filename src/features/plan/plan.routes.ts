/** HTTP routes for Today (the plan) and the user's decisions about its actions. */
import { z } from 'zod';
import { formatInstant } from '../../core/time';
import { undoDecision } from '../decisions/decision.service';
import type { FeatureRoutes } from '../route-kit';
import { actionKeySchema, snoozeSchema, type TodayView, todayJson, todayView } from './plan.presenter';
import { decide, getToday } from './plan.service';

const ok = z.object({ ok: z.literal(true) });

export const planRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/today',
    {
      schema: { tags: ['today'], response: { 200: todayView } },
    },
    async (req, reply) => {
      const ctx = await contextOf(req);
      const today = await getToday(ctx);
      // The presenter builds exactly this shape: checking a hundred actions against the zod schema
      // on every request cost more than planning them (the schema still documents the route). And
      // as bytes: sent as text, its ~70 KB of UTF-8 were counted for Content-Length, then encoded
      // again to be written (plan.bench: 372 -> 447 req/s). Fastify sends bytes as they are; the
      // cast is only for the schema's type of the body they encode.
      const json = todayJson(today.actions, today.nextStart, formatInstant(ctx.now));
      return reply.type('application/json; charset=utf-8').send(json as unknown as TodayView);
    },
  );

  for (const [path, decision] of [
    ['/actions/done', 'done'],
    ['/actions/dismiss', 'dismissed'],
  ] as const) {
    app.post(
      path,
      { schema: { tags: ['today'], body: actionKeySchema, response: { 200: ok } } },
      async (req) => {
        await decide(await contextOf(req), req.body.key, decision);
        return { ok: true as const };
      },
    );
  }

  app.post(
    '/actions/snooze',
    { schema: { tags: ['today'], body: snoozeSchema, response: { 200: ok } } },
    async (req) => {
      await decide(await contextOf(req), req.body.key, 'snoozed', req.body.until);
      return { ok: true as const };
    },
  );

  app.post(
    '/actions/undo',
    { schema: { tags: ['today'], body: actionKeySchema, response: { 200: ok } } },
    async (req) => {
      // The CLI's `afterview undo` runs the same function: nothing to undo is a conflict for both.
      await undoDecision(await contextOf(req), req.body.key);
      return { ok: true as const };
    },
  );
};
