import type { Selectable } from 'kysely';

/** A hosted user's own version of one draft template (local mode keeps these as files). */
export interface AccountTemplateTable {
  account_id: string;
  /** One of TEMPLATE_NAMES (features/templates/template.service.ts). */
  name: string;
  text: string;
  updated_at: string;
}
export type AccountTemplateRow = Selectable<AccountTemplateTable>;
