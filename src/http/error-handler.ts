/**
 * One place turns failures into HTTP answers: an AppError's code picks the status and its
 * sentence goes to the user; anything else is a bug, logged in full and answered with a generic
 * sentence so no internals leak.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, describeZodIssues, type ErrorCode, type FieldIssue } from '../core/errors';

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'check-failed': 422,
  unavailable: 503,
  busy: 503,
  'rate-limited': 429,
  internal: 500,
};

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; issues?: FieldIssue[] };
}

export const statusOf = (code: ErrorCode): number => STATUS[code];

const GENERIC = 'Something went wrong on our side; the details are in the server log.';

/** Map an error to its status and body. */
export function toErrorAnswer(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return {
      status: STATUS[err.code],
      body: {
        error: {
          code: err.code,
          message: err.code === 'internal' ? GENERIC : err.message,
          ...(err.field !== undefined && { field: err.field }),
          ...(err.issues && err.issues.length > 1 && { issues: err.issues }),
        },
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? '';
    const issues = err.validation.map((v) => ({
      ...v.params,
      code: v.keyword,
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message ?? 'is invalid',
    }));
    const all = describeZodIssues(issues, where === 'body' ? '' : where);
    const { message, field } = all;
    return {
      status: 400,
      body: {
        error: {
          code: 'invalid-input',
          message,
          field,
          ...(all.issues.length > 1 && { issues: all.issues }),
        },
      },
    };
  }
  const fe = err as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 404 ? 'not-found' : fe.statusCode === 403 ? 'forbidden' : 'invalid-input';
    return { status: fe.statusCode, body: { error: { code, message: fe.message ?? 'Bad request.' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: GENERIC } } };
}

/**
 * Install the handler. Every 5xx answer is logged: to Fastify's logger when it is on, and to
 * `report` (the serve command's stderr) always, so a 500 or a busy 503 never passes unseen.
 */
export function registerErrorHandler(app: FastifyInstance, report?: (line: string) => void): void {
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorAnswer(err);
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      // The route pattern, not the URL (a feed path carries its token); the id finds the JSON line.
      const route = req.routeOptions.url ?? req.url.split('?')[0];
      report?.(`${req.method} ${route} answered ${status}: ${detail} [request ${req.id}]`);
    }
    return reply.code(status).type('application/json').send(body);
  });
}
