/** SQL for a hosted user's own draft templates (local mode keeps them as files in the data dir). */
import type { DbOrTrx } from '../../db/database';

export const findAccountTemplate = async (
  db: DbOrTrx,
  accountId: string,
  name: string,
): Promise<string | null> => {
  const row = await db
    .selectFrom('account_template')
    .select('text')
    .where('account_id', '=', accountId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.text ?? null;
};

/** Every template the account wrote, by name (the account export carries them). */
export const listAccountTemplates = (
  db: DbOrTrx,
  accountId: string,
): Promise<{ name: string; text: string }[]> =>
  db
    .selectFrom('account_template')
    .select(['name', 'text'])
    .where('account_id', '=', accountId)
    .orderBy('name')
    .execute();

/** Insert or replace the account's version of template `name`. */
export async function saveAccountTemplate(
  db: DbOrTrx,
  row: { account_id: string; name: string; text: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('account_template')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['account_id', 'name']).doUpdateSet({ text: row.text, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteAccountTemplate(db: DbOrTrx, accountId: string, name: string): Promise<void> {
  await db
    .deleteFrom('account_template')
    .where('account_id', '=', accountId)
    .where('name', '=', name)
    .execute();
}
