/** Today: what the playbook says to do now, each action with its reason and a live countdown. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type ActionView, api, type MessageView } from '../api/client';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { SampleDataButton } from '../components/sample-data';
import { useSettings } from '../components/settings-context';
import { useAction, useLoad } from '../components/use-load';
import { countdown, formatDateTime, formatDay, RULE_LABELS, toLocalInput } from '../format';

/** Where to go to act on an action. */
function actionLink(a: ActionView): { to: string; label: string } | null {
  const params = new URLSearchParams({ action: a.key, opportunity: a.opportunityId });
  if (a.interviewId) params.set('interview', a.interviewId);
  if (a.contactId) params.set('contact', a.contactId);
  switch (a.rule) {
    case 'debrief':
      return a.interviewId
        ? { to: `/interviews/${a.interviewId}/debrief`, label: 'Write the debrief' }
        : null;
    case 'thank-you':
    case 'check-in':
    case 'thanks-for-consideration':
    case 'reconnect':
      params.set('kind', a.rule === 'check-in' ? 'check-in' : a.rule);
      return { to: `/compose?${params.toString()}`, label: 'Write the note' };
    case 'collect-contact':
      return { to: `/opportunities/${a.opportunityId}`, label: 'Add the details' };
    default:
      return null;
  }
}

/** A clock that ticks every 30 s, offset to the server's idea of now (which a replay may pin). */
function useClock(serverNow: string | undefined): number {
  const [tick, setTick] = useState(() => Date.now());
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (serverNow) setOffset(Date.parse(serverNow) - Date.now());
  }, [serverNow]);
  useEffect(() => {
    const id = window.setInterval(() => setTick(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return tick + offset;
}

function ActionItem({
  action,
  zone,
  nowMs,
  onChange,
}: {
  action: ActionView;
  zone: string;
  nowMs: number;
  onChange: () => Promise<void>;
}) {
  const act = useAction();
  const link = actionLink(action);
  const snoozeUntil = `${toLocalInput(new Date(nowMs + 24 * 3600_000).toISOString(), zone).slice(0, 10)}T09:00`;
  const headingId = `action-${action.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return (
    <li className={`action card urgency-${action.urgency}`} aria-labelledby={headingId}>
      <div className="action-head">
        <span className="badge">{RULE_LABELS[action.rule] ?? action.rule}</span>
        {action.urgency === 'overdue' && <span className="badge overdue">Overdue</span>}
        {action.urgency === 'due' && <span className="badge due">Due</span>}
      </div>
      <h3 id={headingId}>{action.title}</h3>
      <p className="reason">{action.reason}</p>
      <p className="due">
        Due {formatDateTime(action.due, zone)} (
        <time dateTime={action.due}>{countdown(action.due, nowMs)}</time>)
      </p>
      <div className="row">
        {link && (
          <Link className="button primary" to={link.to}>
            {link.label}
          </Link>
        )}
        <button
          type="button"
          disabled={act.busy}
          onClick={() =>
            act.run(async () => {
              await api.done(action.key);
              await onChange();
            })
          }
        >
          Done<span className="visually-hidden">: {action.title}</span>
        </button>
        <button
          type="button"
          disabled={act.busy}
          onClick={() =>
            act.run(async () => {
              await api.snooze(action.key, snoozeUntil);
              await onChange();
            })
          }
        >
          Snooze to tomorrow<span className="visually-hidden">: {action.title}</span>
        </button>
        <button
          type="button"
          className="quiet"
          disabled={act.busy}
          onClick={() =>
            act.run(async () => {
              await api.dismiss(action.key);
              await onChange();
            })
          }
        >
          Dismiss<span className="visually-hidden">: {action.title}</span>
        </button>
      </div>
      <ErrorNote error={act.error} />
    </li>
  );
}

function RecentlyDone({ messages, zone }: { messages: MessageView[]; zone: string }) {
  const sent = messages
    .filter((m) => m.direction === 'out' && m.status === 'sent' && m.sentAt)
    .sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''))
    .slice(0, 5);
  if (sent.length === 0) return null;
  return (
    <section aria-labelledby="done-heading">
      <h2 id="done-heading">Already done</h2>
      <ul className="plain">
        {sent.map((m) => (
          <li key={m.id}>
            {RULE_LABELS[m.kind] ?? m.kind} note sent {formatDateTime(m.sentAt ?? m.createdAt, zone)}
            {m.subject ? `: ${m.subject}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Notes in the outbox that need a look: going out later, failed, or uncertain after a crash. */
function OutboxNotes({ zone, onChange }: { zone: string; onChange: () => Promise<void> }) {
  const outbox = useLoad(() => api.outbox(), []);
  const act = useAction();
  const open = (outbox.data?.messages ?? []).filter((m) =>
    ['scheduled', 'failed', 'uncertain'].includes(m.status),
  );
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">Outbox</h2>
      <ul className="plain">
        {open.map((m) => (
          <li key={m.id} className="card">
            <strong>{m.subject || RULE_LABELS[m.kind] || m.kind}</strong>
            {m.status === 'scheduled' && (
              <p>Goes out {m.sendAt ? formatDateTime(m.sendAt, zone) : 'soon'}.</p>
            )}
            {m.status === 'failed' && (
              <p className="error-note">Could not be sent: {m.lastError ?? 'the mail server refused it'}.</p>
            )}
            {m.status === 'uncertain' && (
              <>
                <p className="error-note">
                  Afterview stopped while sending this note, so it may or may not have gone out. Check your
                  Sent folder.
                </p>
                <button
                  type="button"
                  disabled={act.busy}
                  onClick={() =>
                    act.run(async () => {
                      await api.markSent(m.id);
                      await Promise.all([outbox.reload(), onChange()]);
                    })
                  }
                >
                  It was sent<span className="visually-hidden">: {m.subject}</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={act.error ?? outbox.error} />
    </section>
  );
}

export function TodayPage() {
  const { zone } = useSettings();
  const today = useLoad(() => api.today(), []);
  const opps = useLoad(() => api.opportunities(), []);
  const messages = useLoad(() => api.messages(), []);
  const nowMs = useClock(today.data?.now);
  const reload = async () => {
    await Promise.all([today.reload(), messages.reload()]);
  };

  if (today.loading || opps.loading) return <Loading what="today's plan" />;
  const actions = today.data?.actions ?? [];
  const open = actions.filter((a) => a.urgency !== 'upcoming');
  const upcoming = actions.filter((a) => a.urgency === 'upcoming');
  const noData = (opps.data?.opportunities.length ?? 0) === 0;

  return (
    <section>
      <PageTitle title="Today">Today</PageTitle>
      <ErrorNote error={today.error ?? opps.error} />
      {noData ? (
        <div className="card calm">
          <p>
            Nothing recorded yet. Afterview helps after each interview: the debrief, the thank-you notes, when
            to check in.
          </p>
          <div className="row">
            <Link className="button primary" to="/pipeline?add=1">
              Add your first opportunity
            </Link>
            <SampleDataButton
              onDone={async () => {
                await Promise.all([reload(), opps.reload()]);
              }}
            />
          </div>
        </div>
      ) : open.length === 0 ? (
        <div className="card calm" data-testid="calm">
          {today.data?.nextStart ? (
            <p className="big">
              Nothing to do until {formatDay(today.data.nextStart, zone)} — no news is normal until then.
            </p>
          ) : (
            <p className="big">Nothing to do. Enjoy the quiet.</p>
          )}
        </div>
      ) : (
        <>
          <h2 id="now-heading">To do now</h2>
          <ul className="plain actions" aria-labelledby="now-heading">
            {open.map((a) => (
              <ActionItem key={a.key} action={a} zone={zone} nowMs={nowMs} onChange={reload} />
            ))}
          </ul>
        </>
      )}
      {upcoming.length > 0 && (
        <section aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">Coming up</h2>
          <ul className="plain">
            {upcoming.slice(0, 10).map((a) => (
              <li key={a.key} className="upcoming">
                <strong>{a.title}</strong> — from {formatDateTime(a.start, zone)}, due{' '}
                {formatDateTime(a.due, zone)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <OutboxNotes zone={zone} onChange={reload} />
      {messages.data && <RecentlyDone messages={messages.data.messages} zone={zone} />}
    </section>
  );
}
