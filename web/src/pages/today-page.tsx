/**
 * Today: what the playbook says to do now, most urgent first, each action with its urgency in
 * words, its reason and a live countdown; every decision can be undone for a few seconds.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type ActionView, api, type ContactView, type MessageView } from '../api/client';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { SampleDataButton } from '../components/sample-data';
import { useSettings } from '../components/settings-context';
import { dueSentence, LEVEL_LABELS, urgencyLevel } from '../components/urgency';
import { useAction, useLoad } from '../components/use-load';
import { formatDateTime, formatDay, formatReason, RULE_LABELS, toLocalInput } from '../format';

/** How long the Undo stays offered after Done, Snooze or Dismiss. */
const UNDO_MS = 10_000;

/** A decision just made, offered for undoing. */
interface Decided {
  key: string;
  title: string;
  what: 'Marked done' | 'Snoozed to tomorrow' | 'Dismissed';
}

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
      // Straight to the person's email field: the one detail this action asks for.
      return a.contactId
        ? { to: `/people/${a.contactId}?focus=email`, label: 'Add the details' }
        : { to: `/opportunities/${a.opportunityId}`, label: 'Add the details' };
    default:
      return null;
  }
}

/** A clock that ticks every 30 s, offset to the server's idea of now (which a replay may pin). */
export function useClock(serverNow: string | undefined): number {
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

/**
 * One open action, shown the same wherever it appears (Today, an opportunity's "Next", a coach's
 * view): its urgency in words, when it is due, why, and the link to do it. `readOnly` (a coach's
 * view of a client) drops the link and every decision button; `decisions={false}` (an
 * opportunity's page, which offers no undo) keeps the link and drops the decision buttons.
 */
export function ActionItem({
  action,
  zone,
  nowMs,
  first,
  onDecided,
  readOnly = false,
  decisions = true,
}: {
  action: ActionView;
  zone: string;
  nowMs: number;
  /** The single most urgent action: shown first and marked as such. */
  first: boolean;
  onDecided?: (d: Decided) => Promise<void>;
  readOnly?: boolean;
  decisions?: boolean;
}) {
  const act = useAction();
  const link = readOnly ? null : actionLink(action);
  const snoozeUntil = `${toLocalInput(new Date(nowMs + 24 * 3600_000).toISOString(), zone).slice(0, 10)}T09:00`;
  const headingId = `action-${action.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const level = urgencyLevel(action.due, nowMs, zone);
  const due = dueSentence(action.due, nowMs, zone);
  const decide = (what: Decided['what'], call: () => Promise<unknown>) =>
    act.run(async () => {
      await call();
      await onDecided?.({ key: action.key, title: action.title, what });
    });
  return (
    <li
      className={`action card level-${level}${first ? ' first' : ''}`}
      aria-labelledby={headingId}
      data-level={level}
      tabIndex={-1}
    >
      <div className="action-head">
        {first && <span className="badge first">Most urgent</span>}
        <span className={`badge level level-${level}`}>{LEVEL_LABELS[level]}</span>
        <span className="badge">{RULE_LABELS[action.rule] ?? action.rule}</span>
      </div>
      <h3 id={headingId}>{action.title}</h3>
      <p className="due">
        {due.text} (<time dateTime={action.due}>{due.relative}</time>)
      </p>
      <p className="reason">{formatReason(action)}</p>
      {!readOnly && (
        <div className="row">
          {link && (
            <Link className="button primary" to={link.to}>
              {link.label}
            </Link>
          )}
          {decisions && (
            <>
              <button
                type="button"
                disabled={act.busy}
                onClick={() => decide('Marked done', () => api.done(action.key))}
              >
                Done<span className="visually-hidden">: {action.title}</span>
              </button>
              <button
                type="button"
                disabled={act.busy}
                onClick={() => decide('Snoozed to tomorrow', () => api.snooze(action.key, snoozeUntil))}
              >
                Snooze to tomorrow<span className="visually-hidden">: {action.title}</span>
              </button>
              <button
                type="button"
                className="quiet"
                disabled={act.busy}
                onClick={() => decide('Dismissed', () => api.dismiss(action.key))}
              >
                Dismiss<span className="visually-hidden">: {action.title}</span>
              </button>
            </>
          )}
        </div>
      )}
      <ErrorNote error={act.error} />
    </li>
  );
}

/** "Marked done: … [Undo]", for a few seconds after each decision; focus lands here. */
function UndoStatus({
  decided,
  onUndo,
  onExpire,
}: {
  decided: Decided | null;
  onUndo: (d: Decided) => Promise<void>;
  onExpire: () => void;
}) {
  const act = useAction();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!decided) return;
    box.current?.focus();
    const id = window.setTimeout(onExpire, UNDO_MS);
    return () => window.clearTimeout(id);
  }, [decided, onExpire]);
  return (
    <div className="undo-status" role="status" ref={box} tabIndex={-1}>
      {decided && (
        <p className="card row">
          <span>
            {decided.what}: {decided.title}
          </span>
          <button type="button" disabled={act.busy} onClick={() => act.run(() => onUndo(decided))}>
            Undo<span className="visually-hidden">: {decided.title}</span>
          </button>
        </p>
      )}
      <ErrorNote error={act.error} />
    </div>
  );
}

function RecentlyDone({
  messages,
  people,
  zone,
}: {
  messages: MessageView[];
  people: ContactView[];
  zone: string;
}) {
  const sent = messages
    .filter((m) => m.direction === 'out' && m.status === 'sent' && m.sentAt)
    .sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''))
    .slice(0, 5);
  if (sent.length === 0) return null;
  const byId = new Map(people.map((p) => [p.id, p]));
  const names = (ids: string[]) => ids.map((id) => byId.get(id)?.displayName ?? 'someone').join(', ');
  return (
    <section aria-labelledby="done-heading">
      <h2 id="done-heading">Already done</h2>
      <ul className="plain done-list">
        {sent.map((m) => (
          <li key={m.id}>
            {RULE_LABELS[m.kind] ?? m.kind} note to{' '}
            {m.contactIds.length === 1 && m.contactIds[0] ? (
              <Link to={`/people/${m.contactIds[0]}`}>{names(m.contactIds)}</Link>
            ) : (
              names(m.contactIds)
            )}
            , sent {formatDateTime(m.sentAt ?? m.createdAt, zone)}
            {m.subject ? <span className="muted"> — {m.subject}</span> : null}
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

/**
 * The calm line when nothing is due. "No news is normal" is only true while waiting to hear
 * back (the next thing is a check-in); after a rejection it would be wrong.
 */
export function calmText(upcoming: ActionView[], zone: string, nothingPlanned = false): string {
  const next = [...upcoming].sort((a, b) => a.start.localeCompare(b.start))[0];
  // Opportunities but nothing planned at all: the plan starts from an interview, so say so.
  if (!next && nothingPlanned)
    return 'Nothing to do. When an interview is booked, add it to its opportunity.';
  if (!next) return 'Nothing to do. Enjoy the quiet.';
  const until = `Nothing to do until ${formatDay(next.start, zone)}`;
  return next.rule === 'check-in' ? `${until} — no news is normal until then.` : `${until}.`;
}

export function TodayPage() {
  const { zone } = useSettings();
  const today = useLoad(() => api.today(), []);
  const opps = useLoad(() => api.opportunities(), []);
  const messages = useLoad(() => api.messages(), []);
  const people = useLoad(() => api.people(), []);
  const nowMs = useClock(today.data?.now);
  const [decided, setDecided] = useState<Decided | null>(null);
  const reload = async () => {
    await Promise.all([today.reload(), messages.reload()]);
  };
  const expire = useRef(() => setDecided(null)).current;

  if (today.loading || opps.loading) return <Loading what="today's plan" />;
  const actions = today.data?.actions ?? [];
  // Soonest due first: the overdue ones, then the ones due within hours, and so on.
  const open = actions
    .filter((a) => a.urgency !== 'upcoming')
    .sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
  const upcoming = actions.filter((a) => a.urgency === 'upcoming');
  const noData = (opps.data?.opportunities.length ?? 0) === 0;

  return (
    <section>
      <PageTitle title="Today">Today</PageTitle>
      <ErrorNote error={today.error ?? opps.error} />
      <UndoStatus
        decided={decided}
        onExpire={expire}
        onUndo={async (d) => {
          await api.undo(d.key);
          setDecided(null);
          await reload();
          document
            .getElementById(`action-${d.key.replace(/[^a-zA-Z0-9-]/g, '-')}`)
            ?.closest('li')
            ?.focus();
        }}
      />
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
                await Promise.all([reload(), opps.reload(), people.reload()]);
              }}
            />
          </div>
        </div>
      ) : open.length === 0 ? (
        <div className="card calm" data-testid="calm">
          <p className="big">{calmText(upcoming, zone, actions.length === 0)}</p>
          {actions.length === 0 && (
            <Link className="button" to="/pipeline">
              Open the pipeline
            </Link>
          )}
        </div>
      ) : (
        <>
          <h2 id="now-heading">To do now</h2>
          <ul className="plain actions" aria-labelledby="now-heading">
            {open.map((a, i) => (
              <ActionItem
                key={a.key}
                action={a}
                zone={zone}
                nowMs={nowMs}
                first={i === 0}
                onDecided={async (d) => {
                  await reload();
                  setDecided(d);
                }}
              />
            ))}
          </ul>
        </>
      )}
      {upcoming.length > 0 && (
        <section aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">Coming up</h2>
          <ul className="plain upcoming-list">
            {upcoming.slice(0, 10).map((a) => (
              <li key={a.key} className="upcoming">
                <Link to={actionLink(a)?.to ?? `/opportunities/${a.opportunityId}`}>{a.title}</Link>
                <span className="block muted">
                  from {formatDateTime(a.start, zone)}, due {formatDateTime(a.due, zone)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <OutboxNotes zone={zone} onChange={reload} />
      {messages.data && (
        <RecentlyDone messages={messages.data.messages} people={people.data?.people ?? []} zone={zone} />
      )}
    </section>
  );
}
