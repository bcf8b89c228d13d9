/** The stage an opportunity was in at a past instant, rebuilt from its `stage-changed` timeline. */
import { STAGES, type Stage } from '../../core/types';

/** One recorded move, as the timeline's `stage-changed` event stores it. */
export interface StageChange {
  at: string;
  from: Stage;
  to: Stage;
}

const isStage = (value: unknown): value is Stage =>
  typeof value === 'string' && (STAGES as readonly string[]).includes(value);

/** Reads a `stage-changed` event's data; undefined when it is not a well-formed move. */
export function toStageChange(at: string, data: Record<string, unknown>): StageChange | undefined {
  return isStage(data.from) && isStage(data.to) ? { at, from: data.from, to: data.to } : undefined;
}

/**
 * The stage at `at`: the target of the last move made at or before it; before the first move, the
 * stage that move left; with no moves at all, the current stage (it never changed).
 * `changes` must be sorted by time.
 */
export function stageAt(changes: readonly StageChange[], current: Stage, at: string): Stage {
  const t = Date.parse(at);
  let stage: Stage | undefined;
  for (const c of changes) {
    if (Date.parse(c.at) > t) return stage ?? c.from;
    stage = c.to;
  }
  return stage ?? current;
}
