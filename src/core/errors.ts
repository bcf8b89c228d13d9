/**
 * Every failure Afterview reports to a person has a code from this list. One HTTP error handler
 * and one CLI handler map codes to statuses / exit codes, so no caller invents its own.
 */
export type ErrorCode =
  | 'invalid-input' // a field or line the user gave is malformed (exit 2, HTTP 400)
  | 'not-found' // an id that does not exist in this account (exit 2, HTTP 404)
  | 'conflict' // the request contradicts the current state (exit 2, HTTP 409)
  | 'forbidden' // the actor may not do this (HTTP 403)
  | 'unauthenticated' // hosted mode: no session (HTTP 401)
  | 'check-failed' // the note checker found errors (exit 1, HTTP 422)
  | 'unavailable' // a dependency (mail server, database) could not be reached (HTTP 503)
  | 'internal'; // a bug: details are logged, never shown

/** An error meant for a person: `message` is one sentence naming the field or line at fault. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** The field path or `line N` the error is about, when there is one. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}

export const invalid = (message: string, field?: string): AppError =>
  new AppError('invalid-input', message, field);
export const notFound = (what: string, id: string): AppError =>
  new AppError('not-found', `No ${what} with id ${id}.`);

/** Turn a zod error into one readable sentence naming the first bad field. */
export function describeZodIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = '',
): { message: string; field: string } {
  const first = issues[0];
  if (!first) return { message: 'Invalid input.', field: prefix };
  const field = [prefix, ...first.path.map(String)].filter(Boolean).join('.');
  return { message: `${field || 'input'}: ${first.message}`, field };
}
