import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Stage } from '../../core/types';

export interface OpportunityTable {
  id: string;
  account_id: string;
  company: string;
  role: string;
  stage: Stage;
  recruiter_id: string | null;
  /** `YYYY-MM-DD` the company said it would decide by. */
  decision_by: string | null;
  /** JSON string[] of company email domains. */
  domains: string;
  /** JSON string[] */
  links: string;
  notes: string;
  stage_changed_at: string;
  created_at: string;
  updated_at: string;
}
export type OpportunityRow = Selectable<OpportunityTable>;
export type NewOpportunityRow = Insertable<OpportunityTable>;
export type OpportunityUpdate = Updateable<OpportunityTable>;
