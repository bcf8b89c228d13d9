/** Hosted mode only: `POST /api/account/delete` — delete my account, after re-entering the password. */
import { z } from 'zod';
import type { FeatureRoutes } from '../route-kit';
import { deleteHostedAccount } from './hosted-account.service';

const deleteBody = z.object({ password: z.string().min(1).max(1000) });

export const hostedAccountRoutes: FeatureRoutes = async (app, deps) => {
  app.post('/account/delete', { schema: { body: deleteBody } }, async (req, reply) => {
    await deleteHostedAccount(await deps.contextOf(req), req.body.password);
    return reply.code(204).send();
  });
};
