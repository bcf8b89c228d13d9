/**
 * Hosted mode's "Sign out", in the navigation so it is one tap away on every page and every
 * screen size (it used to sit only at the foot of a long Settings page). Local mode has no
 * accounts and shows nothing.
 */
import { useState } from 'react';
import { signOut } from '../api/auth';
import { ApiError } from '../api/client';
import { useSettings } from './settings-context';

export function SignOutButton() {
  const { hosted } = useSettings();
  const [error, setError] = useState<string | null>(null);
  if (!hosted) return null;
  const leave = async () => {
    setError(null);
    try {
      await signOut();
      window.location.assign('/sign-in');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not sign out; please try again.');
    }
  };
  return (
    <>
      <button type="button" className="link nav-sign-out" onClick={() => void leave()}>
        Sign out
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
