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
  | 'busy' // another Afterview process holds the database's write lock (a long import): try again (exit 2, HTTP 503)
  | 'rate-limited' // too many requests of one kind in a short time (HTTP 429)
  | 'internal'; // a bug: details are logged, never shown

/** An error meant for a person: `message` is one sentence naming the field or line at fault. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** The field path or `line N` the error is about, when there is one. */
  readonly field: string | undefined;
  /** Every bad field at once, when the input had several (a form shows each beside its field). */
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, field?: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.issues = issues;
  }
}

/** One bad field: its path and what is wrong, as words that follow the field's name ("is required"). */
export interface FieldIssue {
  field: string;
  message: string;
}

export const invalid = (message: string, field?: string, issues?: FieldIssue[]): AppError =>
  new AppError('invalid-input', message, field, issues);
export const notFound = (what: string, id: string): AppError =>
  new AppError('not-found', `No ${what} with id ${id}.`);

/** A zod issue as the validators hand it over (zod itself, or fastify's copy of it). */
export interface ZodLikeIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  format?: string;
}

/*
 * zod's own messages ("Too big: expected string to have <=200 characters") are for developers.
 * A schema's custom message ("must be a date like 2026-12-18") is kept; the defaults become
 * words that read after the field's name: "Role is too long (200 characters at most)".
 */
function humanize(issue: ZodLikeIssue): string {
  const custom = !/^(Too big|Too small|Invalid input|Invalid|Expected)/.test(issue.message);
  if (custom) return issue.message;
  const max = Number(issue.maximum);
  const min = Number(issue.minimum);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `is too long (${max} characters at most)`;
      if (issue.origin === 'array') return `has too many entries (${max} at most)`;
      return `must be ${max} or less`;
    case 'too_small':
      if (issue.origin === 'string')
        return min <= 1 ? 'is required' : `is too short (at least ${min} characters)`;
      if (issue.origin === 'array')
        return min <= 1 ? 'needs at least one entry' : `needs at least ${min} entries`;
      return `must be ${min} or more`;
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'is required' : 'is not valid here';
    case 'invalid_format':
      return issue.format === 'email' ? 'must be an email address' : 'is not in the expected format';
    case 'invalid_value':
      return 'is not one of the allowed values';
    default:
      return issue.message;
  }
}

/**
 * Turn a zod error into one readable sentence naming the first bad field, plus every issue (one
 * per field) so a form can show them all at once.
 */
export function describeZodIssues(
  issues: ReadonlyArray<ZodLikeIssue>,
  prefix = '',
): { message: string; field: string; issues: FieldIssue[] } {
  const all: FieldIssue[] = [];
  for (const issue of issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    // One sentence per field: a second complaint about the same field adds nothing to the first.
    if (!all.some((i) => i.field === field)) all.push({ field, message: humanize(issue) });
  }
  const first = all[0];
  if (!first) return { message: 'Invalid input.', field: prefix, issues: [] };
  return { message: `${first.field || 'input'}: ${first.message}`, field: first.field, issues: all };
}
