/**
 * `/coaching/:clientId`: a coach's read-only view of one client's job search — their Today (the
 * same action cards, without links or decision buttons, in the client's time zone), their
 * pipeline by stage, and their insights. Nothing on this page writes. When the client ends the
 * sharing, the next load says so instead of showing an error.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, type ClientPipelineView, type ClientTodayView, coachingApi } from '../api/client';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { formatDateTime, formatDay, RULE_LABELS, STAGE_LABELS } from '../format';
import { ActionItem, calmText, useClock } from './today-page';

// The charts are the heaviest code: loaded only when a client's view is opened.
const InsightsPart = lazy(() => import('./coaching-insights').then((m) => ({ default: m.ClientInsights })));

type Pipeline = ClientPipelineView['opportunities'][number];
type Loaded =
  | { state: 'loading' }
  | { state: 'ended' }
  | { state: 'error'; message: string }
  | { state: 'ok'; today: ClientTodayView; pipeline: ClientPipelineView };

function TodayPart({ today }: { today: ClientTodayView }) {
  const zone = today.client.timeZone;
  const nowMs = useClock(today.now);
  const open = today.actions
    .filter((a) => a.urgency !== 'upcoming')
    .sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
  const upcoming = today.actions.filter((a) => a.urgency === 'upcoming');
  return (
    <section aria-labelledby="client-today">
      <h2 id="client-today">Today</h2>
      {open.length === 0 ? (
        <p className="card calm">{calmText(upcoming, zone)}</p>
      ) : (
        <ul className="plain actions" aria-labelledby="client-today">
          {open.map((a, i) => (
            <ActionItem key={a.key} action={a} zone={zone} nowMs={nowMs} first={i === 0} readOnly />
          ))}
        </ul>
      )}
      {upcoming.length > 0 && (
        <>
          <h3>Coming up</h3>
          <ul className="plain upcoming-list">
            {upcoming.slice(0, 10).map((a) => (
              <li key={a.key} className="upcoming">
                {a.title}
                <span className="block muted">
                  from {formatDateTime(a.start, zone)}, due {formatDateTime(a.due, zone)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function OpportunityCard({ o, zone }: { o: Pipeline; zone: string }) {
  return (
    <li className="card opp-read">
      <h4>
        {o.company} <span className="muted">· {o.role}</span>
      </h4>
      {o.decisionBy && (
        <p className="muted">
          They said they would decide by {formatDay(`${o.decisionBy}T12:00:00Z`, 'UTC')}.
        </p>
      )}
      {o.notes && <p className="pre shared">{o.notes}</p>}
      {o.interviews.length > 0 && (
        <ul className="plain">
          {o.interviews.map((i) => (
            <li key={i.id}>
              <strong>{i.round || 'Interview'}</strong>, {formatDateTime(i.start, zone)}
              {i.status === 'cancelled' && ' (cancelled)'}
              {i.people.length > 0 && <span className="muted"> · with {i.people.join(', ')}</span>}
              {i.debrief && (
                <div className="shared">
                  {i.debrief.feeling && <p>How it went: {i.debrief.feeling}</p>}
                  {i.debrief.wentWell && <p>Went well: {i.debrief.wentWell}</p>}
                  {i.debrief.addToAnswer && <p>To add to an answer: {i.debrief.addToAnswer}</p>}
                  {i.debrief.notes
                    .filter((n) => n.memorable || n.topics || n.problem || n.promise)
                    .map((n) => (
                      <p key={n.person}>
                        {n.person}:{' '}
                        {[n.memorable, n.topics, n.problem, n.promise].filter(Boolean).join(' · ')}
                      </p>
                    ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {o.messages.length > 0 && (
        <ul className="plain">
          {o.messages.map((m) => (
            <li key={m.id}>
              {RULE_LABELS[m.kind] ?? (m.kind === 'reply' ? 'Reply' : 'Note')}{' '}
              {m.direction === 'in' ? 'from' : 'to'} {m.people.join(', ') || 'someone'}:{' '}
              {m.status === 'sent' && m.sentAt ? `sent ${formatDay(m.sentAt, zone)}` : m.status}
              {m.subject !== null && m.body !== null && (
                <blockquote className="shared">
                  {m.subject && <strong className="block">{m.subject}</strong>}
                  <span className="pre">{m.body}</span>
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function PipelinePart({ pipeline }: { pipeline: ClientPipelineView }) {
  const zone = pipeline.client.timeZone;
  const stages = Object.keys(STAGE_LABELS).filter((s) => pipeline.opportunities.some((o) => o.stage === s));
  return (
    <section aria-labelledby="client-pipeline">
      <h2 id="client-pipeline">Pipeline</h2>
      {stages.length === 0 && <p className="calm">No opportunities yet.</p>}
      {stages.map((s) => {
        const here = pipeline.opportunities.filter((o) => o.stage === s);
        return (
          <section key={s} aria-labelledby={`client-stage-${s}`}>
            <h3 id={`client-stage-${s}`}>
              {STAGE_LABELS[s]} <span className="count">{here.length}</span>
            </h3>
            <ul className="plain">
              {here.map((o) => (
                <OpportunityCard key={o.id} o={o} zone={zone} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

export function CoachingClientPage() {
  const { clientId = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    Promise.all([coachingApi.today(clientId), coachingApi.pipeline(clientId)]).then(
      ([today, pipeline]) => live && setLoaded({ state: 'ok', today, pipeline }),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 404) setLoaded({ state: 'ended' });
        else setLoaded({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [clientId]);

  if (loaded.state === 'loading') return <Loading what="this job search" />;
  if (loaded.state !== 'ok') {
    return (
      <section>
        <PageTitle title="Coaching">Access ended</PageTitle>
        {loaded.state === 'ended' ? (
          <p className="card calm">
            Your access to this job search has ended: its owner stopped sharing it with you, or never did.
          </p>
        ) : (
          <ErrorNote error={loaded.message} />
        )}
        <p>
          <Link to="/coaching">Back to your clients</Link>
        </p>
      </section>
    );
  }
  const { today, pipeline } = loaded;
  const name = today.client.name.trim() || today.client.email;
  const first = name.split(/\s+/)[0] ?? name;
  return (
    <section className="coach-view">
      <PageTitle title={`${name} · read only`}>
        {name}'s job search <span className="sub">— read only</span>
      </PageTitle>
      <p className="readonly-note" role="note">
        You are seeing {name}'s data as their coach. Nothing here can be changed from your account.{' '}
        {today.shareNotes
          ? `${first} shares their notes and debriefs with you.`
          : `${first} keeps their notes and debriefs private.`}{' '}
        Times are in {first}'s time zone ({today.client.timeZone}).
      </p>
      <TodayPart today={today} />
      <PipelinePart pipeline={pipeline} />
      <Suspense fallback={<Loading what="insights" />}>
        <InsightsPart clientId={clientId} />
      </Suspense>
      <p>
        <Link to="/coaching">Back to your clients</Link>
      </p>
    </section>
  );
}
