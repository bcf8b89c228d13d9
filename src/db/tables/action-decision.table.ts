import type { Insertable, Selectable } from 'kysely';
import type { DecisionKind } from '../../core/types';

/** The user's decision about one planned action, keyed by the action's stable key. */
export interface ActionDecisionTable {
  account_id: string;
  action_key: string;
  decision: DecisionKind;
  until: string | null;
  decided_at: string;
}
export type ActionDecisionRow = Selectable<ActionDecisionTable>;
export type NewActionDecisionRow = Insertable<ActionDecisionTable>;
