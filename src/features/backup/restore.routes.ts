/**
 * Hosted mode: `POST /api/account/restore` — put an export (`GET /api/account/export`, or
 * `afterview export` from a computer) back into my own account from the web app, when the account
 * holds no records yet: a new account after moving servers, or after deleting and signing up
 * again. The restore is importBackup's, as `afterview import` runs it: validated first (a bad
 * field is named by its JSON path), written in one transaction, into the caller's account only
 * (rows are re-keyed to it), scheduled notes brought back as drafts. Merging into an account with
 * data stays with the command line, where the settings question can be asked.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import type { FeatureRoutes } from '../route-kit';
import { importBackup } from './restore.service';

/** The largest export accepted: the imports' limit (an export of a long search is a few MB). */
export const RESTORE_MAX_BYTES = 25 * 1024 * 1024;

export const NOT_EMPTY_FOR_WEB =
  'This account already has data of its own, so a restore would merge into it. Restore into a new, empty account, or merge with `afterview import` on a computer. Nothing was imported.';

const restoreBody = z.object({
  /** The export file's text, as downloaded. */
  backup: z
    .string()
    .min(1, 'is empty: choose the export file')
    .max(RESTORE_MAX_BYTES, 'is larger than 25 MB'),
});

export const restoreRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.post(
    '/account/restore',
    {
      // The JSON string inside the body, with its escapes, plus room for the envelope.
      bodyLimit: RESTORE_MAX_BYTES + 3 * 1024 * 1024,
      // Each restore is one large transaction: a few a minute is all a person needs.
      config: {
        rateLimit: {
          max: 5,
          timeWindow: 60_000,
          errorResponseBuilder: (_req: FastifyRequest, ctx: { after: string }) =>
            new AppError('rate-limited', `Too many restores in a minute; try again in ${ctx.after}.`),
        },
      },
      schema: { tags: ['settings'], body: restoreBody },
    },
    async (req) => importBackup(await contextOf(req), req.body.backup, { emptyOnly: NOT_EMPTY_FOR_WEB }),
  );
};
