/**
 * `/coaching`: the coach dashboard. Every client who shares their job search with me, with what
 * is overdue and due today (planned with each client's own settings and time zone), their open
 * opportunities by stage and when they last did something. Stopping is one click plus a calm
 * confirmation, like removing a coach on the client's side.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, type ClientSummaryView, coachingApi } from '../api/client';
import { coachingChanged } from '../components/coaching-nav';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useLoad } from '../components/use-load';
import { formatDay, STAGE_LABELS } from '../format';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ClientCard({ client, onStopped }: { client: ClientSummaryView; onStopped: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = client.name.trim() || client.email;
  const open = client.activeByStage.reduce((n, s) => n + s.count, 0);
  const stop = async () => {
    try {
      await coachingApi.stop(client.id);
      coachingChanged();
      await onStopped();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'That did not work; please try again.');
    }
  };
  return (
    <li className="card client" aria-labelledby={`client-${client.id}`}>
      <h2 id={`client-${client.id}`}>
        <Link to={`/coaching/${encodeURIComponent(client.id)}`}>{name}</Link>
      </h2>
      {client.name.trim() && <p className="muted">{client.email}</p>}
      <p className="row">
        <span className={`badge${client.overdue > 0 ? ' level-overdue' : ''}`}>
          {plural(client.overdue, 'overdue action')}
        </span>
        <span className={`badge${client.dueToday > 0 ? ' level-today' : ''}`}>
          {plural(client.dueToday, 'action')} due today
        </span>
      </p>
      <p>
        {open === 0
          ? 'No open opportunities.'
          : `${plural(open, 'open opportunity', 'open opportunities')}: ${client.activeByStage
              .map((s) => `${STAGE_LABELS[s.stage] ?? s.stage} ${s.count}`)
              .join(', ')}.`}
      </p>
      <p className="muted">
        {client.lastActivity
          ? `Last activity ${formatDay(client.lastActivity, client.timeZone)}.`
          : 'Nothing recorded yet.'}
      </p>
      {confirming ? (
        <fieldset className="confirm">
          <legend className="visually-hidden">Stop coaching {name}</legend>
          <p>You will no longer see {name}'s job search; they can invite you again.</p>
          <div className="row">
            <button type="button" className="danger" onClick={stop}>
              Stop coaching {name}
            </button>
            <button type="button" className="quiet" onClick={() => setConfirming(false)}>
              Keep coaching
            </button>
          </div>
        </fieldset>
      ) : (
        <button type="button" className="quiet" onClick={() => setConfirming(true)}>
          Stop coaching…<span className="visually-hidden"> {name}</span>
        </button>
      )}
      <ErrorNote error={error} />
    </li>
  );
}

export function CoachingDashboardPage() {
  const list = useLoad(() => coachingApi.clients(), []);
  if (list.loading) return <Loading what="your clients" />;
  const clients = list.data?.clients ?? [];
  return (
    <section>
      <PageTitle title="Coaching">Your clients</PageTitle>
      <p className="muted">
        Job searches shared with you. You can read them; only their owners can change them.
      </p>
      <ErrorNote error={list.error} />
      {clients.length === 0 && !list.error ? (
        <p className="card calm">No one shares their job search with you right now.</p>
      ) : (
        <ul className="plain clients">
          {clients.map((c) => (
            <ClientCard key={c.id} client={c} onStopped={list.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}
