/**
 * Who is asking, and when. Every service call takes a context: the account it acts in (local
 * mode has one; hosted mode one per signed-in user) and the clock reading for this request, so
 * any scenario can be replayed with `--now` / `AFTERVIEW_NOW`.
 */
import type { Temporal } from '../core/time';
import type { Db } from '../db/database';

export interface Actor {
  accountId: string;
  /** `local`: the single user of a local install; `user`: a signed-in hosted user. */
  kind: 'local' | 'user';
}

export interface ServiceContext {
  db: Db;
  actor: Actor;
  now: Temporal.Instant;
}
