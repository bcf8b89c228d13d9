/**
 * Coaches, hosted mode only. The client's side (`/coaching/coaches…`) acts on the client's own
 * grants; the coach's side reads a client's data through GET routes only — there is no route by
 * which a coach writes anything of a client's (every other write route acts on the caller's own
 * account, where a client's ids are simply not found). Local mode answers every /coaching path
 * with one sentence (localCoachingRoutes).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import type { RouteDeps } from '../route-kit';
import {
  clientInsightsView,
  clientPipelineView,
  clientSummaryView,
  clientTodayView,
  coachView,
} from './coaching.presenter';
import { acceptSchema, clientParams, grantParams, inviteSchema, shareSchema } from './coaching.schemas';
import {
  acceptInvite,
  type CoachingEnv,
  clientInsights,
  clientPipeline,
  clientToday,
  coachesSomeone,
  inviteCoach,
  listClients,
  listMyCoaches,
  revokeCoach,
  setShareNotes,
  stopCoaching,
} from './coaching.service';

export interface CoachingRouteDeps extends RouteDeps {
  coaching: CoachingEnv;
}

const tags = ['coaching'];

export const coachingRoutes: FastifyPluginAsyncZod<CoachingRouteDeps> = async (app, deps) => {
  const { contextOf, coaching } = deps;
  /** The signed-in coach and the clock reading (their own context; never a client's). */
  const coach = async (req: FastifyRequest) => {
    const ctx = await contextOf(req);
    return { actor: ctx.actor, now: ctx.now };
  };

  app.get(
    '/coaching/coaches',
    { schema: { tags, response: { 200: z.object({ coaches: z.array(coachView) }) } } },
    async (req) => ({ coaches: await listMyCoaches(await contextOf(req)) }),
  );
  app.post(
    '/coaching/coaches',
    { schema: { tags, body: inviteSchema, response: { 201: coachView } } },
    async (req, reply) =>
      reply.code(201).send(await inviteCoach(await contextOf(req), coaching, req.body.email)),
  );
  app.put(
    '/coaching/coaches/:id/share',
    { schema: { tags, params: grantParams, body: shareSchema, response: { 200: coachView } } },
    async (req) => setShareNotes(await contextOf(req), req.params.id, req.body.shareNotes),
  );
  app.post('/coaching/coaches/:id/revoke', { schema: { tags, params: grantParams } }, async (req, reply) => {
    await revokeCoach(await contextOf(req), req.params.id);
    return reply.code(204).send();
  });

  app.post(
    '/coaching/accept',
    {
      schema: {
        tags,
        body: acceptSchema,
        response: { 200: z.object({ clientId: z.string(), clientName: z.string() }) },
      },
    },
    async (req) => {
      const c = await coach(req);
      return acceptInvite(coaching, c.actor, req.body.token, c.now);
    },
  );
  app.get(
    '/coaching/me',
    { schema: { tags, response: { 200: z.object({ coachesSomeone: z.boolean() }) } } },
    async (req) => ({ coachesSomeone: await coachesSomeone(coaching, (await coach(req)).actor) }),
  );
  app.get(
    '/coaching/clients',
    { schema: { tags, response: { 200: z.object({ clients: z.array(clientSummaryView) }) } } },
    async (req) => {
      const c = await coach(req);
      return { clients: await listClients(coaching, c.actor, c.now) };
    },
  );
  app.post(
    '/coaching/stop',
    { schema: { tags, body: z.object({ clientId: clientParams.shape.clientId }) } },
    async (req, reply) => {
      const c = await coach(req);
      await stopCoaching(coaching, c.actor, req.body.clientId, c.now);
      return reply.code(204).send();
    },
  );

  // A client's data: GET only.
  app.get(
    '/coaching/clients/:clientId/today',
    { schema: { tags, params: clientParams, response: { 200: clientTodayView } } },
    async (req) => {
      const c = await coach(req);
      return clientToday(coaching, c.actor, req.params.clientId, c.now);
    },
  );
  app.get(
    '/coaching/clients/:clientId/pipeline',
    { schema: { tags, params: clientParams, response: { 200: clientPipelineView } } },
    async (req) => {
      const c = await coach(req);
      return clientPipeline(coaching, c.actor, req.params.clientId, c.now);
    },
  );
  app.get(
    '/coaching/clients/:clientId/insights',
    { schema: { tags, params: clientParams, response: { 200: clientInsightsView } } },
    async (req) => {
      const c = await coach(req);
      return clientInsights(coaching, c.actor, req.params.clientId, c.now);
    },
  );
};

/** The sentence local mode answers on every coaching path. */
export const COACHES_NEED_HOSTED = 'Coaches need a hosted Afterview (sign-in).';

/** Local mode: one account and no sign-in, so no coaches; every /coaching path says so. */
export const localCoachingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app) => {
  const refuse = async () => {
    throw new AppError('not-found', COACHES_NEED_HOSTED);
  };
  app.all('/coaching', { schema: { hide: true } }, refuse);
  app.all('/coaching/*', { schema: { hide: true } }, refuse);
};
