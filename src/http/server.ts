/**
 * The web server: the JSON API under /api (each feature's routes), the OpenAPI document built
 * from the same zod schemas, the private calendar feed, and the built front end from dist/web.
 * Everything it needs is passed in, so tests build it on an in-memory store with a pinned clock.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  LogController,
  type RouteOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../core/errors';
import type { Temporal } from '../core/time';
import type { Store } from '../db/connect';
import { hostedAccountRoutes } from '../features/auth/hosted-account.routes';
import { restoreRoutes } from '../features/backup/restore.routes';
import { coachingRoutes, localCoachingRoutes } from '../features/coaching/coaching.routes';
import type { Actor, ServiceContext } from '../features/context';
import type { FeatureRoutes, RouteDeps } from '../features/route-kit';
import { registerErrorHandler } from './error-handler';
import { type HostedOptions, registerHosted } from './hosted';
import { loggerOptions, registerRequestLogging, requestIdGenerator, type ServerLogger } from './logging';
import { METRICS_PATH, type MetricsOptions, registerMetrics } from './metrics';
import { apiRoutes, publicRoutes } from './routes';
import { type RateLimits, registerSecurity } from './security';

export interface ServerOptions {
  store: Store;
  /** Which account a request acts for (local mode: always the one account; unused when hosted). */
  actorFor: (req: FastifyRequest) => Promise<Actor>;
  /** Hosted mode: sign-in through better-auth; every request's actor comes from its session. */
  hosted?: HostedOptions & {
    /** AFTERVIEW_TRUSTED_PROXY: the proxy whose X-Forwarded-* headers are believed (address or CIDR). */
    trustedProxy?: string;
  };
  /** The clock; `AFTERVIEW_NOW` pins it so scenarios replay. */
  now: () => Temporal.Instant;
  /** Folder of the built front end (index.html + assets); null to serve the API only. */
  webRoot?: string | null;
  /** The data dir, for the user's own note templates; null for the shipped ones only. */
  dataDir?: string | null;
  /** Host names besides loopback ones to answer to (see security.ts). */
  allowedHosts?: readonly string[];
  /** Per-minute budgets of the rate-limited routes (defaults in security.ts). */
  rateLimits?: Partial<RateLimits>;
  /**
   * The logger: off by default (tests, benchmarks); `true` for JSON lines on stdout, or options
   * from logging.ts (a stream, a level). Either way secrets are redacted and URLs are not logged.
   */
  logger?: boolean | ServerLogger;
  /** Prometheus: AFTERVIEW_METRICS_TOKEN and whether this process serves /metrics (metrics.ts). */
  metrics?: MetricsOptions;
  /** Where every 5xx answer is reported (one line with the error), whatever the logger setting. */
  onServerError?: (line: string) => void;
  /** Told of every route as it is added (the isolation test walks the whole route table with it). */
  onRoute?: (route: RouteOptions) => void;
}

/** Build (but do not start) the server. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const logger = options.logger === true ? loggerOptions() : (options.logger ?? false);
  const app = Fastify({
    logger,
    // One access line per request from logging.ts instead of Fastify's two (which log the raw URL).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    requestIdHeader: false,
    genReqId: requestIdGenerator(options.hosted?.trustedProxy),
    bodyLimit: 1024 * 1024,
    // X-Forwarded-* is believed only from the configured proxy; local mode believes nobody.
    trustProxy: options.hosted?.trustedProxy ?? false,
  });
  const onRoute = options.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerRequestLogging(app, logger !== false);
  registerErrorHandler(app, options.onServerError);
  if (options.metrics) registerMetrics(app, { ...options.metrics, db: options.store.db, now: options.now });
  await registerSecurity(app, {
    allowedHosts: options.allowedHosts ?? [],
    anyHost: options.hosted !== undefined,
    secureCookies: options.hosted !== undefined && new URL(options.hosted.publicUrl).protocol === 'https:',
    ...(options.rateLimits && { rateLimits: options.rateLimits }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Afterview API',
        version: '1',
        description: options.hosted
          ? 'The JSON API behind the Afterview web app (hosted mode: a session from /api/auth on every route).'
          : 'The JSON API behind the Afterview web app (local mode: loopback only).',
      },
    },
    transform: jsonSchemaTransform,
  });

  const hosted = options.hosted;
  if (hosted) await registerHosted(app, { ...hosted, db: options.store.db, now: options.now });
  const deps: RouteDeps = {
    contextOf: async (req): Promise<ServiceContext> => {
      const actor = hosted ? signedIn(req) : await options.actorFor(req);
      // On PostgreSQL the handle declares the account to the row-level security policies.
      return { db: options.store.forAccount(actor.accountId), actor, now: options.now() };
    },
    db: options.store.db,
    forAccount: (accountId) => options.store.forAccount(accountId),
    now: options.now,
    dataDir: options.dataDir ?? null,
  };
  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(
    async (api) => {
      for (const routes of apiRoutes) await api.register(routes as FeatureRoutes, deps);
      if (hosted) await api.register(hostedAccountRoutes as FeatureRoutes, deps);
      if (hosted) await api.register(restoreRoutes, deps);
      // Coaches read another account's data: they get scoped handles for it, never the request's own.
      if (hosted) {
        await api.register(coachingRoutes, {
          ...deps,
          coaching: {
            systemDb: options.store.db,
            forAccount: (id) => options.store.forAccount(id),
            mailer: hosted.mailer ?? null,
            publicUrl: hosted.publicUrl,
          },
        });
      } else await api.register(localCoachingRoutes, deps);
    },
    { prefix: '/api' },
  );
  for (const routes of publicRoutes) await typed.register(routes as FeatureRoutes, deps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerFrontEnd(app, options.webRoot ?? null);
  return app;
}

/** The hosted actor the sign-in gate (http/hosted.ts) found for this request. */
function signedIn(req: FastifyRequest): Actor {
  if (!req.hostedActor) throw new AppError('unauthenticated', 'Sign in first: this needs your account.');
  return req.hostedActor;
}

async function registerFrontEnd(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const index = webRoot ? join(webRoot, 'index.html') : null;
  const hasWeb = index !== null && existsSync(index);
  if (hasWeb && webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Hashed asset names never change content; index.html must always be revalidated.
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes(`${join('assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // The SPA owns every other GET path: the client router decides what to show.
    // /metrics without a token (or on a cluster worker) is a 404, never the app's page.
    const spa = !path.startsWith('/api/') && !path.startsWith('/feed/') && path !== METRICS_PATH;
    if (hasWeb && req.method === 'GET' && spa) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .code(404)
      .send({ error: { code: 'not-found', message: `Nothing at ${req.method} ${path}.` } });
  });
}
