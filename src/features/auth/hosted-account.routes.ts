/**
 * Hosted mode only: `GET /api/account/export` — everything of my account as the same JSON document
 * `afterview export` writes (offered before deleting), and `POST /api/account/delete` — delete my
 * account, after re-entering the password.
 */
import { z } from 'zod';
import { exportBackupText } from '../backup/export.service';
import type { FeatureRoutes } from '../route-kit';
import { deleteHostedAccount, revokeMySession } from './hosted-account.service';

const deleteBody = z.object({ password: z.string().min(1).max(1000) });
const revokeBody = z.object({ id: z.string().min(1).max(200) });

export const hostedAccountRoutes: FeatureRoutes = async (app, deps) => {
  app.get('/account/export', async (req, reply) => {
    const text = await exportBackupText(await deps.contextOf(req));
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="afterview-export.json"')
      .header('cache-control', 'no-store')
      .send(text);
  });
  // By id: page scripts never see session tokens (http/hosted.ts takes them out of answers).
  app.post('/sessions/revoke', { schema: { body: revokeBody } }, async (req, reply) => {
    await revokeMySession(await deps.contextOf(req), req.body.id);
    return reply.code(204).send();
  });
  app.post('/account/delete', { schema: { body: deleteBody } }, async (req, reply) => {
    // The system handle: a coach's account ends the grants their clients gave them (clients' rows).
    await deleteHostedAccount(await deps.contextOf(req), deps.db, req.body.password);
    return reply.code(204).send();
  });
};
