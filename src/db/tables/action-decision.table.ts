import type { Insertable, Selectable } from 'kysely';

/** The user's decision about one planned action, keyed by the action's stable key. */
export interface ActionDecisionTable {
  account_id: string;
  action_key: string;
  decision: string;
  until: string | null;
  decided_at: string;
}
export type ActionDecisionRow = Selectable<ActionDecisionTable>;
export type NewActionDecisionRow = Insertable<ActionDecisionTable>;
