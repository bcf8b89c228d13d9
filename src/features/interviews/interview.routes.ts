/** HTTP routes for interviews and who took part in them. */
import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../../core/types';
import { getOpportunity } from '../opportunities/opportunity.service';
import { type FeatureRoutes, idParams } from '../route-kit';
import { interviewView, presentInterview } from './interview.presenter';
import { newInterviewSchema, updateInterviewSchema } from './interview.schemas';
import {
  addInterview,
  getInterview,
  listInterviews,
  setParticipant,
  updateInterview,
} from './interview.service';

export const interviewRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/interviews',
    {
      schema: {
        tags: ['interviews'],
        querystring: z.object({ opportunityId: z.string().optional() }),
        response: { 200: z.object({ interviews: z.array(interviewView) }) },
      },
    },
    async (req) => {
      const ctx = await contextOf(req);
      // 404 for an opportunity that is not this account's, not an empty list that looks like one.
      if (req.query.opportunityId) await getOpportunity(ctx, req.query.opportunityId);
      return { interviews: (await listInterviews(ctx, req.query.opportunityId)).map(presentInterview) };
    },
  );

  app.post(
    '/interviews',
    { schema: { tags: ['interviews'], body: newInterviewSchema, response: { 201: interviewView } } },
    async (req, reply) =>
      reply.code(201).send(presentInterview(await addInterview(await contextOf(req), req.body))),
  );

  app.get(
    '/interviews/:id',
    { schema: { tags: ['interviews'], params: idParams, response: { 200: interviewView } } },
    async (req) => presentInterview(await getInterview(await contextOf(req), req.params.id)),
  );

  app.patch(
    '/interviews/:id',
    {
      schema: {
        tags: ['interviews'],
        params: idParams,
        body: updateInterviewSchema,
        response: { 200: interviewView },
      },
    },
    async (req) => presentInterview(await updateInterview(await contextOf(req), req.params.id, req.body)),
  );

  app.put(
    '/interviews/:id/participants/:contactId',
    {
      schema: {
        tags: ['interviews'],
        params: z.object({ id: z.string().min(1), contactId: z.string().min(1) }),
        body: z.object({ role: z.enum(PARTICIPANT_ROLES) }),
        response: { 200: interviewView },
      },
    },
    async (req) =>
      presentInterview(
        await setParticipant(await contextOf(req), req.params.id, req.params.contactId, req.body.role),
      ),
  );
};
