import type { Insertable, Selectable } from 'kysely';

/**
 * The planner's wake-up index (see src/features/plan/wake.ts): from when an opportunity can have
 * open work, and whether it changed since that was computed. An index of where to look, never
 * stored actions.
 */
export interface PlanWakeTable {
  account_id: string;
  opportunity_id: string;
  /** ISO instant with milliseconds (sorts as text); `0000-...` awake at any time; null: quiet until changed. */
  wake_at: string | null;
  /** 1 when a change touched the opportunity since `wake_at` was computed. */
  dirty: number;
  /** Bumped by every touch, so a computed wake-up time is only stored if nothing changed meanwhile. */
  version: number;
}
export type PlanWakeRow = Selectable<PlanWakeTable>;
export type NewPlanWakeRow = Insertable<PlanWakeTable>;
