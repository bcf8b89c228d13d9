/**
 * One opportunity: its stage, open actions, interviews, people, messages and timeline. The forms
 * to add an interview or record a message stay folded until asked for; a closed opportunity
 * stops offering interview work.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Stage } from '../../../src/core/types';
import { api, type ContactView, type OverviewView } from '../api/client';
import { Field } from '../components/field';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useSettings } from '../components/settings-context';
import { useStageChange } from '../components/stage-change';
import { useForm } from '../components/use-form';
import { useAction, useLoad } from '../components/use-load';
import { formatDateTime, formatPlainDate, RULE_LABELS, STAGE_LABELS } from '../format';
import { ActionItem, useClock } from './today-page';

const STAGES = Object.keys(STAGE_LABELS) as Stage[];
/** Stages after which no more interviews, debriefs or thank-you notes are asked for. */
const CLOSED: ReadonlySet<Stage> = new Set(['accepted', 'rejected', 'withdrawn', 'gone-quiet']);

function AddInterview({
  opportunityId,
  zone,
  onAdded,
}: {
  opportunityId: string;
  zone: string;
  onAdded: () => Promise<void>;
}) {
  const {
    form,
    setForm,
    set,
    busy,
    fieldError: fe,
    formError,
    submit,
  } = useForm({
    round: '',
    start: '',
    end: '',
    timeZone: zone,
    interviewers: '',
  });
  const send = submit(async (f) => {
    await api.addInterview({
      opportunityId,
      start: f.start,
      end: f.end,
      timeZone: f.timeZone,
      ...(f.round.trim() && { round: f.round }),
      interviewers: f.interviewers
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    });
    setForm({ round: '', start: '', end: '', timeZone: f.timeZone, interviewers: '' });
    await onAdded();
  });
  return (
    <details className="card">
      <summary>Add an interview</summary>
      <form className="form" onSubmit={send} aria-label="Add an interview" noValidate>
        <Field label="Round" hint="e.g. System design, Hiring manager" error={fe('round')}>
          {(p) => <input {...p} name="round" value={form.round} onChange={set('round')} maxLength={200} />}
        </Field>
        <div className="two">
          <Field label="Starts" error={fe('start')}>
            {(p) => (
              <input
                {...p}
                name="start"
                type="datetime-local"
                value={form.start}
                onChange={set('start')}
                required
              />
            )}
          </Field>
          <Field label="Ends" error={fe('end')}>
            {(p) => (
              <input
                {...p}
                name="end"
                type="datetime-local"
                value={form.end}
                onChange={set('end')}
                required
              />
            )}
          </Field>
        </div>
        <Field label="Time zone of these times" hint={`Yours is ${zone}`} error={fe('timeZone')}>
          {(p) => (
            <input {...p} name="timeZone" value={form.timeZone} onChange={set('timeZone')} maxLength={100} />
          )}
        </Field>
        <Field
          label="Interviewers"
          hint='One per line, as "Name <email>" or just the name if you do not have the address yet'
          error={fe('interviewers')}
        >
          {(p) => (
            <textarea
              {...p}
              name="interviewers"
              rows={3}
              value={form.interviewers}
              onChange={set('interviewers')}
            />
          )}
        </Field>
        <ErrorNote error={formError} />
        <button type="submit" className="primary" disabled={busy}>
          Add interview
        </button>
      </form>
    </details>
  );
}

const KINDS = ['thank-you', 'check-in', 'thanks-for-consideration', 'reconnect', 'other'] as const;

function RecordMessage({ overview, onAdded }: { overview: OverviewView; onAdded: () => Promise<void> }) {
  const [contactId, setContactId] = useState(
    overview.opportunity.recruiterId ?? overview.people[0]?.id ?? '',
  );
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('check-in');
  const [at, setAt] = useState('');
  const [body, setBody] = useState('');
  const act = useAction();
  if (overview.people.length === 0) return null;
  return (
    <details className="card">
      <summary>Record a message</summary>
      <form
        className="form"
        aria-label="Record a message"
        onSubmit={(e) => {
          e.preventDefault();
          void act.run(async () => {
            await api.recordMessage({
              direction,
              kind: direction === 'in' ? 'reply' : kind,
              contactId,
              body,
              opportunityId: overview.opportunity.id,
              ...(at && { at }),
            });
            setBody('');
            await onAdded();
          });
        }}
      >
        <Field label="What happened">
          {(p) => (
            <select {...p} value={direction} onChange={(e) => setDirection(e.target.value as 'in' | 'out')}>
              <option value="in">They replied</option>
              <option value="out">I sent a note outside Afterview</option>
            </select>
          )}
        </Field>
        <Field label={direction === 'in' ? 'From' : 'To'}>
          {(p) => (
            <select {...p} value={contactId} onChange={(e) => setContactId(e.target.value)}>
              {overview.people.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        {direction === 'out' && (
          <Field label="Kind of note">
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {RULE_LABELS[k] ?? 'Other'}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="When (optional, default now)">
          {(p) => <input {...p} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
        </Field>
        <Field label="What it said (optional)">
          {(p) => (
            <textarea
              {...p}
              rows={2}
              maxLength={100_000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <ErrorNote error={act.error} />
        <button type="submit" disabled={act.busy}>
          Record message
        </button>
      </form>
    </details>
  );
}

/** "sent Tue 8 Dec, 10:00", "a draft", "going out Thu 3 Dec, 09:00". */
function describeOutStatus(status: string, at: string | null, zone: string): string {
  const when = at ? ` ${formatDateTime(at, zone)}` : '';
  switch (status) {
    case 'sent':
      return `sent${when}`;
    case 'draft':
      return 'a draft';
    case 'scheduled':
      return `going out${when}`;
    case 'sending':
      return 'being sent';
    case 'failed':
      return 'could not be sent';
    case 'uncertain':
      return 'may or may not have gone out';
    default:
      return status;
  }
}

function describeEvent(
  kind: string,
  data: Record<string, unknown>,
  name: (id: string | null) => string,
  contactId: string | null,
): string {
  switch (kind) {
    case 'opportunity-created':
      return 'Opportunity recorded';
    case 'stage-changed':
      return `Stage: ${STAGE_LABELS[String(data.from)] ?? data.from} → ${STAGE_LABELS[String(data.to)] ?? data.to}`;
    case 'message-sent':
      return `${RULE_LABELS[String(data.kind)] ?? data.kind} note sent to ${name(contactId)}`;
    case 'reply-received':
      return `Reply from ${name(contactId)}`;
    case 'interview-added':
    case 'interview-scheduled':
      return 'Interview scheduled';
    case 'interview-updated':
      return 'Interview updated from a newer invite';
    case 'participant-removed':
      return `${name(contactId)} taken off the interview: no longer on the updated invite`;
    default: {
      const words = kind.replaceAll('-', ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}

function EditDetails({ overview, onSaved }: { overview: OverviewView; onSaved: () => Promise<void> }) {
  const o = overview.opportunity;
  const {
    form,
    set,
    saved,
    fieldError: fe,
    formError,
    submit,
  } = useForm({
    company: o.company,
    role: o.role,
    decisionBy: o.decisionBy ?? '',
    notes: o.notes,
  });
  const send = submit(async (f) => {
    await api.updateOpportunity(o.id, {
      company: f.company,
      role: f.role,
      decisionBy: f.decisionBy || null,
      notes: f.notes,
    });
    await onSaved();
  });
  return (
    <details className="card">
      <summary>Edit details</summary>
      <form className="form" aria-label="Edit details" onSubmit={send} noValidate>
        <Field label="Company" error={fe('company')}>
          {(p) => <input {...p} value={form.company} onChange={set('company')} maxLength={200} />}
        </Field>
        <Field label="Role" error={fe('role')}>
          {(p) => <input {...p} value={form.role} onChange={set('role')} maxLength={200} />}
        </Field>
        <Field label="They said they would decide by" errorName="The decision date" error={fe('decisionBy')}>
          {(p) => <input {...p} type="date" value={form.decisionBy} onChange={set('decisionBy')} />}
        </Field>
        <Field label="Notes" error={fe('notes')}>
          {(p) => <textarea {...p} rows={3} value={form.notes} onChange={set('notes')} maxLength={20_000} />}
        </Field>
        <ErrorNote error={formError} />
        <div className="row">
          <button type="submit">Save details</button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
    </details>
  );
}

function CancelInterview({
  id,
  cancelled,
  onDone,
}: {
  id: string;
  cancelled: boolean;
  onDone: () => Promise<void>;
}) {
  const act = useAction();
  return (
    <>
      <button
        type="button"
        className="quiet"
        disabled={act.busy}
        onClick={() =>
          act.run(async () => {
            await api.updateInterview(id, { status: cancelled ? 'scheduled' : 'cancelled' });
            await onDone();
          })
        }
      >
        {cancelled ? 'Restore interview' : 'Mark as cancelled'}
      </button>
      <ErrorNote error={act.error} />
    </>
  );
}

export function OpportunityPage() {
  const { id = '' } = useParams();
  const { zone } = useSettings();
  const ov = useLoad(() => api.overview(id), [id]);
  // The server's now (a replay may pin it), for the same urgency Today shows.
  const today = useLoad(() => api.today(), [id]);
  const nowMs = useClock(today.data?.now);
  const stage = useStageChange(ov.reload);
  if (ov.loading) return <Loading what="the opportunity" />;
  if (!ov.data) return <ErrorNote error={ov.error ?? 'This opportunity could not be loaded.'} />;
  const { opportunity: o, interviews, people, messages, timeline, actions } = ov.data;
  const byId = new Map<string, ContactView>(people.map((p) => [p.id, p]));
  const name = (cid: string | null) => (cid ? (byId.get(cid)?.displayName ?? 'someone') : 'someone');
  const closed = CLOSED.has(o.stage);
  return (
    <article>
      <PageTitle title={`${o.company} — ${o.role}`}>
        {o.company} <span className="sub">{o.role}</span>
      </PageTitle>
      <div className="row">
        <label className="compact">
          Stage{' '}
          <select
            value={o.stage}
            disabled={stage.busy}
            onChange={(e) => stage.request(o, e.target.value as Stage)}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {o.decisionBy && <span>They said they would decide by {formatPlainDate(o.decisionBy)}.</span>}
      </div>
      <ErrorNote error={stage.error} />
      {stage.dialog}
      {closed && (
        <p className="calm">
          This opportunity is {STAGE_LABELS[o.stage]?.toLowerCase()}: Afterview no longer asks for debriefs or
          thank-you notes for it.
        </p>
      )}
      {o.notes && <p className="pre">{o.notes}</p>}
      <EditDetails
        key={`${o.id}-${o.company}-${o.role}-${o.decisionBy}-${o.notes}`}
        overview={ov.data}
        onSaved={ov.reload}
      />

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">Next</h2>
        {actions.length === 0 ? (
          <p className="muted">Nothing planned for this opportunity.</p>
        ) : (
          // Today's own item, urgency and link included, so an overdue debrief reads "Overdue" here too.
          <ul className="plain actions" aria-labelledby="next-heading">
            {actions.map((a) => (
              <ActionItem key={a.key} action={a} zone={zone} nowMs={nowMs} first={false} decisions={false} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="interviews-heading">
        <h2 id="interviews-heading">Interviews</h2>
        <ul className="plain">
          {interviews.map((i) => (
            <li key={i.id} className="card">
              <h3>{i.round || 'Interview'}</h3>
              <p>
                <time dateTime={i.start}>{formatDateTime(i.start, zone)}</time> –{' '}
                <time dateTime={i.end}>{formatDateTime(i.end, zone).split(', ').at(-1)}</time>
                {i.timeZone !== zone && (
                  <span className="muted">
                    {' '}
                    ({formatDateTime(i.start, i.timeZone).split(', ').at(-1)} in {i.timeZone})
                  </span>
                )}
                {i.status === 'cancelled' && ' — cancelled'}
              </p>
              <p>With: {i.participants.map((p) => name(p.contactId)).join(', ') || 'nobody recorded yet'}</p>
              <div className="row">
                {!closed && (
                  <>
                    <Link className="button" to={`/interviews/${i.id}/debrief`}>
                      Debrief<span className="visually-hidden"> of {i.round || 'the interview'}</span>
                    </Link>
                    <Link className="button" to={`/compose?interview=${i.id}&opportunity=${o.id}`}>
                      Thank-you notes
                      <span className="visually-hidden"> for {i.round || 'the interview'}</span>
                    </Link>
                  </>
                )}
                <Link className="button" to={`/import?opportunity=${o.id}&interview=${i.id}&mode=card`}>
                  Scan a business card
                  <span className="visually-hidden"> from {i.round || 'the interview'}</span>
                </Link>
                <CancelInterview id={i.id} cancelled={i.status === 'cancelled'} onDone={ov.reload} />
              </div>
            </li>
          ))}
        </ul>
        {interviews.length === 0 && <p className="muted">No interviews yet.</p>}
        {!closed && <AddInterview key={zone} opportunityId={o.id} zone={zone} onAdded={ov.reload} />}
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <ul className="plain">
          {people.map((p) => (
            <li key={p.id}>
              <Link to={`/people/${p.id}`}>{p.displayName}</Link>
              {p.title ? `, ${p.title}` : ''}{' '}
              {p.emails[0] ? (
                `— ${p.emails[0]}`
              ) : (
                <>
                  — no email yet: <Link to={`/people/${p.id}?focus=email`}>add {p.displayName}'s email</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">Messages</h2>
        {messages.length === 0 && <p className="muted">No messages yet.</p>}
        <ul className="plain">
          {messages.map((m) => (
            <li key={m.id}>
              {m.direction === 'in' ? (
                <>
                  Reply from {m.contactIds.map(name).join(', ')}, received{' '}
                  {formatDateTime(m.sentAt ?? m.createdAt, zone)}
                </>
              ) : (
                <>
                  {RULE_LABELS[m.kind] ?? 'Other'} note to {m.contactIds.map(name).join(', ')},{' '}
                  {describeOutStatus(m.status, m.sentAt ?? m.sendAt, zone)}
                </>
              )}
              {m.status === 'draft' && (
                <>
                  {' '}
                  <Link to={`/compose?message=${m.id}`}>Open draft</Link>
                </>
              )}
            </li>
          ))}
        </ul>
        <RecordMessage overview={ov.data} onAdded={ov.reload} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{formatDateTime(e.at, zone)}</time>{' '}
              {describeEvent(e.kind, e.data, name, e.contactId)}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
