/**
 * `/coaching/accept?token=…`, the link in a coach invitation. The server's sign-in gate has
 * already sent a signed-out visitor to sign in (or sign up) and back here. Accepting is one
 * explicit click, and the server checks that the signed-in address is the invited one.
 */
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signOut } from '../api/auth';
import { ApiError, coachingApi } from '../api/client';
import { coachingChanged } from '../components/coaching-nav';
import { ErrorNote, PageTitle } from '../components/notes';

export function CoachingAcceptPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(
    token ? null : 'This link has no invitation in it; open the link from the invitation mail again.',
  );
  const [busy, setBusy] = useState(false);
  /** Signed in with another address than the invited one (403): offer to switch and come back. */
  const [otherAccount, setOtherAccount] = useState(false);
  const accept = async () => {
    setBusy(true);
    setError(null);
    setOtherAccount(false);
    try {
      const { clientId } = await coachingApi.accept(token);
      coachingChanged();
      void navigate(`/coaching/${encodeURIComponent(clientId)}`);
    } catch (err) {
      setError(
        err instanceof ApiError ? err.message : 'The invitation could not be accepted; please try again.',
      );
      setOtherAccount(err instanceof ApiError && err.status === 403);
      setBusy(false);
    }
  };
  // Back to this very page (token included) once signed in with the invited address.
  const switchAccount = async () => {
    setBusy(true);
    await signOut().catch(() => undefined);
    window.location.assign(
      `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  };
  return (
    <section>
      <PageTitle title="Coaching invitation">Coaching invitation</PageTitle>
      <div className="card calm">
        <p>
          Someone invited you to coach their job search. Once you accept, you can read their Today, pipeline
          and insights; you cannot change anything, and they can end it at any time.
        </p>
        <div className="row">
          <button type="button" className="primary" disabled={busy || !token} onClick={accept}>
            Accept the invitation
          </button>
          <Link to="/">Not now</Link>
        </div>
        <ErrorNote error={error} />
        {otherAccount && (
          <button type="button" disabled={busy} onClick={switchAccount}>
            Sign out and use the invited address
          </button>
        )}
      </div>
    </section>
  );
}
