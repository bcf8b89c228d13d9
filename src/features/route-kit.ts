/**
 * What every feature's `*.routes.ts` plugin receives from the HTTP server. It lives here, not in
 * src/http, because features must not import the HTTP layer (test/architecture.test.ts): the
 * server hands routes a way to get the request's ServiceContext and they need nothing else.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Temporal } from '../core/time';
import type { Db } from '../db/database';
import type { ServiceContext } from './context';

export interface RouteDeps {
  /** The account and clock reading this request acts with. */
  contextOf: (req: FastifyRequest) => Promise<ServiceContext>;
  /** For routes that find their account themselves (the calendar feed's token): the store and clock. */
  db: Db;
  /** Once such a route knows its account: that account's handle (its rows only, under RLS on PostgreSQL). */
  forAccount: (accountId: string) => Db;
  now: () => Temporal.Instant;
  /** The data dir (user templates live there); null when serving without one (tests). */
  dataDir: string | null;
}

/** A feature's routes: a Fastify plugin typed by zod, registered under `/api`. */
export type FeatureRoutes = FastifyPluginAsyncZod<RouteDeps>;

/** `:id` path parameters. */
export const idParams = z.object({ id: z.string().min(1).max(100) });
