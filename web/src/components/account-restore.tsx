/**
 * Settings, hosted mode: put an export (the file "Download everything" saves, or `afterview export`
 * from a computer) back into this account, when the account has nothing in it yet. The server
 * checks the whole file first and restores all of it or nothing; an account with data of its own
 * is refused (merging is `afterview import`'s, where the settings question can be asked).
 */
import { type ChangeEvent, useState } from 'react';
import { ApiError, request } from '../api/client';
import { ErrorNote } from './notes';

interface RestoreSummary {
  opportunities: number;
  interviews: number;
  contacts: number;
  messages: number;
  scheduledToDraft: number;
}

export function AccountRestore() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RestoreSummary | null>(null);

  const restore = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      setDone(await request<RestoreSummary>('POST', '/api/account/restore', { backup: await file.text() }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The restore did not work; nothing was changed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <details>
      <summary>Restore an export into this account</summary>
      <p className="muted">
        For a new, empty account: everything in the file comes back at once, or nothing does. Notes that were
        scheduled come back as drafts, to send again when you choose.
      </p>
      <label>
        Export file (.json){' '}
        <input type="file" accept=".json,application/json" onChange={restore} disabled={busy} />
      </label>
      {done && (
        <p role="status">
          Restored {done.opportunities} opportunities, {done.interviews} interviews, {done.contacts} people
          and {done.messages} messages
          {done.scheduledToDraft > 0 ? `; ${done.scheduledToDraft} scheduled notes are drafts again` : ''}.
        </p>
      )}
      <ErrorNote error={error} />
    </details>
  );
}
