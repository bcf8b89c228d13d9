/**
 * Hosted mode: sign in, create an account, or ask for a password reset mail. Outside the app's
 * shell (nothing else is reachable before signing in); one column that fits a 375 px phone.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { requestReset, resendConfirmation, resetPassword, signIn, signUp } from '../api/auth';
import { ApiError } from '../api/client';
import { Field } from '../components/field';
import { ErrorNote } from '../components/notes';

type Mode = 'sign-in' | 'sign-up' | 'forgot';

/** Where to go after signing in: only a path on this site, never another origin. */
function nextPath(): string {
  const next = new URLSearchParams(window.location.search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

const message = (err: unknown) =>
  err instanceof ApiError ? err.message : 'Something went wrong; please try again.';

export function SignInPage() {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The address waits for confirmation (sign-in answered 403): offer to send the link again. */
  const [unconfirmed, setUnconfirmed] = useState(false);

  useEffect(() => {
    document.title = `${mode === 'sign-up' ? 'Create an account' : mode === 'forgot' ? 'Reset your password' : 'Sign in'} · Afterview`;
  }, [mode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    setUnconfirmed(false);
    try {
      if (mode === 'forgot') {
        await requestReset(email);
        setNotice('If that address has an account, a mail with a reset link is on its way.');
      } else if (mode === 'sign-up') {
        const made = await signUp(name || email.split('@')[0] || email, email, password, nextPath());
        // A server with a mail server confirms the address first; the link in the mail signs in.
        if (made?.status === 'check-your-mail') {
          setNotice(made.message ?? 'Check your mail for a link to confirm this address.');
          setBusy(false);
          return;
        }
        window.location.assign(nextPath());
        return;
      } else {
        await signIn(email, password);
        window.location.assign(nextPath());
        return;
      }
    } catch (err) {
      setError(message(err));
      setUnconfirmed(mode === 'sign-in' && err instanceof ApiError && err.status === 403);
    }
    setBusy(false);
  };

  const sendAgain = async () => {
    setBusy(true);
    setError(null);
    try {
      await resendConfirmation(email, nextPath());
      setUnconfirmed(false);
      setNotice('If that address waits for confirmation, a new link is on its way. Open it to sign in.');
    } catch (err) {
      setError(message(err));
    }
    setBusy(false);
  };

  const switchTo = (m: Mode) => () => {
    setMode(m);
    setError(null);
    setNotice(null);
    setUnconfirmed(false);
  };

  return (
    <main id="main" className="sign-in">
      <p className="brand">Afterview</p>
      <h1>
        {mode === 'sign-up' ? 'Create an account' : mode === 'forgot' ? 'Reset your password' : 'Sign in'}
      </h1>
      <form className="form card" onSubmit={submit} noValidate>
        {mode === 'sign-up' && (
          <Field label="Your name (optional)">
            {(p) => (
              <input {...p} value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
        )}
        <Field label="E-mail address">
          {(p) => (
            <input
              {...p}
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        {mode !== 'forgot' && (
          <Field
            label="Password"
            {...(mode === 'sign-up' && {
              hint: 'At least 10 characters; a short sentence is easy to remember.',
            })}
          >
            {(p) => (
              <input
                {...p}
                type="password"
                required
                autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
        )}
        <ErrorNote error={error} />
        {notice && (
          <p className="muted" role="status">
            {notice}
          </p>
        )}
        <div className="row">
          <button type="submit" disabled={busy}>
            {mode === 'sign-up' ? 'Create account' : mode === 'forgot' ? 'Send reset link' : 'Sign in'}
          </button>
          {unconfirmed && (
            <button type="button" className="quiet" disabled={busy} onClick={sendAgain}>
              Send the link again
            </button>
          )}
        </div>
      </form>
      <p className="row">
        {mode !== 'sign-in' && (
          <button type="button" className="quiet" onClick={switchTo('sign-in')}>
            I have an account: sign in
          </button>
        )}
        {mode !== 'sign-up' && (
          <button type="button" className="quiet" onClick={switchTo('sign-up')}>
            Create an account
          </button>
        )}
        {mode === 'sign-in' && (
          <button type="button" className="quiet" onClick={switchTo('forgot')}>
            Forgot your password?
          </button>
        )}
      </p>
    </main>
  );
}

/** The page a reset mail's link lands on (`/reset-password?token=…`): choose a new password. */
export function ResetPasswordPage() {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(
    token ? null : 'This reset link is incomplete or has expired; ask for a new one.',
  );
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    document.title = 'Choose a new password · Afterview';
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await resetPassword(token, password);
      setDone(true);
    } catch (err) {
      setError(message(err));
    }
    setBusy(false);
  };
  return (
    <main id="main" className="sign-in">
      <p className="brand">Afterview</p>
      <h1>Choose a new password</h1>
      {done ? (
        <p role="status">
          Your password is changed and every other session is signed out. <a href="/sign-in">Sign in</a>
        </p>
      ) : (
        <form className="form card" onSubmit={submit} noValidate>
          <Field label="New password" hint="At least 10 characters.">
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <ErrorNote error={error} />
          <div className="row">
            <button type="submit" disabled={busy || !token}>
              Save the new password
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
