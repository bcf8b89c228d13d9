/**
 * Settings, hosted mode only: "Your coach". Invite a career coach by e-mail, see whether they
 * accepted, choose whether they may read your notes and debriefs, and remove them in one click
 * (after a calm confirmation). Local mode has no coaches: the server answers 404 and the section
 * is not shown.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, type CoachView, coachingApi } from '../api/client';
import { formatDay } from '../format';
import { Field } from './field';
import { ErrorNote } from './notes';
import { useSettings } from './settings-context';

/** How a coach is called in a sentence: their name once they accepted, else their address. */
const called = (c: CoachView) => c.name?.trim() || c.email;

function CoachItem({ coach, onChange }: { coach: CoachView; onChange: () => Promise<void> }) {
  const { zone } = useSettings();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Shown at once; put back if the server refuses.
  const [share, setShare] = useState(coach.shareNotes);
  const run = async (fn: () => Promise<unknown>, undo?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await onChange();
    } catch (err) {
      undo?.();
      setError(err instanceof ApiError ? err.message : 'That did not work; please try again.');
    } finally {
      setBusy(false);
    }
  };
  const who = called(coach);
  if (coach.status === 'ended') {
    return (
      <li className="coach">
        <p className="row">
          <strong>{who}</strong>
          <span className="badge">Ended</span>
        </p>
        <p className="muted">
          {coach.endedAt ? `${formatDay(coach.endedAt, zone)}: ` : ''}
          {coach.endedReason}
        </p>
      </li>
    );
  }
  return (
    <li className="coach">
      <p className="row">
        <span>
          <strong>{who}</strong>
          {coach.name && <span className="muted"> · {coach.email}</span>}
        </span>
        <span className={`badge${coach.status === 'active' ? ' ok' : ''}`}>
          {coach.status === 'active' ? 'Active' : 'Invited'}
        </span>
      </p>
      {coach.status === 'invited' && (
        <p className="muted">
          Invitation sent {formatDay(coach.invitedAt, zone)}; they see nothing until they accept it.
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={share}
          disabled={busy}
          onChange={(e) => {
            const next = e.target.checked;
            setShare(next);
            void run(
              () => coachingApi.share(coach.id, next),
              () => setShare(!next),
            );
          }}
        />
        <span>
          Share my notes with {who}
          <span className="block muted">
            Note bodies and subjects, your notes on each opportunity, and debriefs. What you noted to practise
            always stays yours.
          </span>
        </span>
      </label>
      {confirming ? (
        <fieldset className="confirm">
          <legend className="visually-hidden">Remove {who}</legend>
          <p>{who} will stop seeing your job search straight away. You can invite them again later.</p>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => run(() => coachingApi.revoke(coach.id))}
            >
              Remove {who}
            </button>
            <button type="button" className="quiet" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </fieldset>
      ) : (
        <button type="button" className="quiet" onClick={() => setConfirming(true)}>
          {coach.status === 'active' ? 'Remove coach…' : 'Withdraw invitation…'}
          <span className="visually-hidden"> {who}</span>
        </button>
      )}
      <ErrorNote error={error} />
    </li>
  );
}

export function CoachSection() {
  // undefined while loading; null when this server has no coaches (local mode).
  const [coaches, setCoaches] = useState<CoachView[] | null | undefined>(undefined);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setCoaches((await coachingApi.coaches()).coaches);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setCoaches(null);
      else setError(err instanceof ApiError ? err.message : 'Could not load your coaches.');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!coaches) return null;
  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const made = await coachingApi.invite(email);
      setSent(`Invitation sent to ${made.email}.`);
      setEmail('');
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The invitation could not be sent; please try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="coach-heading" className="card">
      <h2 id="coach-heading">Your coach</h2>
      <p className="muted">
        A career coach you invite sees your Today, pipeline and insights, read only, and can change nothing.
        Your note bodies and debriefs stay private unless you share them.
      </p>
      {coaches.length > 0 && (
        <ul className="plain coaches">
          {coaches.map((c) => (
            <CoachItem key={c.id} coach={c} onChange={load} />
          ))}
        </ul>
      )}
      <form className="form" onSubmit={invite} noValidate>
        <Field label="Your coach's e-mail address" error={error}>
          {(p) => (
            <input
              {...p}
              type="email"
              name="coach-email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              maxLength={320}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy || email.trim() === ''}>
          Send invitation
        </button>
        <p className="ok-note" role="status">
          {sent}
        </p>
      </form>
    </section>
  );
}
