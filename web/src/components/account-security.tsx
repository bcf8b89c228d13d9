/**
 * Settings, hosted mode only: who you are signed in as, your sessions (revoke one, or sign out
 * everywhere), sign out, and delete the account after re-entering the password. Renders nothing
 * in local mode, which has no accounts.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import {
  currentSession,
  deleteAccount,
  listSessions,
  revokeSession,
  type SessionInfo,
  type SessionRow,
  signOut,
  signOutEverywhere,
} from '../api/auth';
import { ApiError } from '../api/client';
import { AccountRestore } from './account-restore';
import { Field } from './field';
import { ErrorNote } from './notes';

const when = (iso: string) => new Date(iso).toLocaleString();

export function AccountSecuritySection() {
  const [me, setMe] = useState<SessionInfo | null | undefined>(undefined);
  const [sessions, setSessions] = useState<SessionRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(async () => {
    try {
      const session = await currentSession();
      setMe(session);
      if (session) setSessions(await listSessions());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not load your sessions.');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!me) return null;
  const act = (fn: () => Promise<unknown>, then: () => void) => async () => {
    setError(null);
    try {
      await fn();
      then();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'That did not work; please try again.');
    }
  };
  const toSignIn = () => window.location.assign('/sign-in');
  const remove = async (e: FormEvent) => {
    e.preventDefault();
    await act(() => deleteAccount(password), toSignIn)();
  };

  return (
    <section aria-labelledby="account-heading" className="card">
      <h2 id="account-heading">Account and sessions</h2>
      <p>
        Signed in as <strong>{me.user.email}</strong>.
      </p>
      <ul className="plain">
        {sessions.map((s) => (
          <li key={s.id} className="row">
            <span>
              {s.id === me.session.id ? 'This device' : (s.userAgent ?? 'Another device')} · since{' '}
              {when(s.createdAt)}
            </span>
            {s.id !== me.session.id && (
              <button type="button" className="quiet" onClick={act(() => revokeSession(s.id), load)}>
                Sign out this session
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" onClick={act(signOut, toSignIn)}>
          Sign out
        </button>
        <button type="button" className="quiet" onClick={act(signOutEverywhere, toSignIn)}>
          Sign out everywhere
        </button>
      </div>
      <ErrorNote error={error} />
      <AccountRestore />
      <details>
        <summary>Delete my account</summary>
        <p className="muted">
          This removes every opportunity, note, message and mail setting of this account, at once and for
          good.{' '}
          <a href="/api/account/export" download="afterview-export.json">
            Download everything first
          </a>{' '}
          (the file <code>afterview import</code> restores) if you want to keep anything.
        </p>
        {confirming ? (
          <form className="form" onSubmit={remove} noValidate>
            <Field label="Your password, to confirm">
              {(p) => (
                <input
                  {...p}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="danger">
              Delete my account for good
            </button>
          </form>
        ) : (
          <button type="button" className="quiet" onClick={() => setConfirming(true)}>
            Delete my account…
          </button>
        )}
      </details>
    </section>
  );
}
