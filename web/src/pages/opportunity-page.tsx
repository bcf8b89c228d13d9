/** One opportunity: its stage, open actions, interviews, people, messages and timeline. */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Stage } from '../../../src/core/types';
import { ApiError, api, type ContactView, type OverviewView } from '../api/client';
import { Field } from '../components/field';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useSettings } from '../components/settings-context';
import { useAction, useLoad } from '../components/use-load';
import { formatDateTime, RULE_LABELS, STAGE_LABELS } from '../format';

const STAGES = Object.keys(STAGE_LABELS) as Stage[];

function AddInterview({
  opportunityId,
  zone,
  onAdded,
}: {
  opportunityId: string;
  zone: string;
  onAdded: () => Promise<void>;
}) {
  const [form, setForm] = useState({ round: '', start: '', end: '', timeZone: zone, interviewers: '' });
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.addInterview({
        opportunityId,
        start: form.start,
        end: form.end,
        timeZone: form.timeZone,
        ...(form.round.trim() && { round: form.round }),
        interviewers: form.interviewers
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      });
      setForm({ round: '', start: '', end: '', timeZone: form.timeZone, interviewers: '' });
      await onAdded();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const fe = (f: string) => (error instanceof ApiError && error.field?.startsWith(f) ? error.message : null);
  const known = ['round', 'start', 'end', 'timeZone', 'interviewers'];
  const other =
    error && !(error instanceof ApiError && known.some((k) => error.field?.startsWith(k)))
      ? error.message
      : null;
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="add-interview-heading">
      <h3 id="add-interview-heading">Add an interview</h3>
      <Field label="Round" hint="e.g. System design, Hiring manager" error={fe('round')}>
        {(p) => <input {...p} name="round" value={form.round} onChange={set('round')} />}
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
            <input {...p} name="end" type="datetime-local" value={form.end} onChange={set('end')} required />
          )}
        </Field>
      </div>
      <Field label="Time zone of these times" error={fe('timeZone')}>
        {(p) => <input {...p} name="timeZone" value={form.timeZone} onChange={set('timeZone')} />}
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
      <ErrorNote error={other} />
      <button type="submit" className="primary" disabled={busy}>
        Add interview
      </button>
    </form>
  );
}

function RecordReply({ overview, onAdded }: { overview: OverviewView; onAdded: () => Promise<void> }) {
  const [contactId, setContactId] = useState(
    overview.opportunity.recruiterId ?? overview.people[0]?.id ?? '',
  );
  const [body, setBody] = useState('');
  const act = useAction();
  if (overview.people.length === 0) return null;
  return (
    <form
      className="card form"
      aria-labelledby="reply-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void act.run(async () => {
          await api.recordMessage({
            direction: 'in',
            kind: 'reply',
            contactId,
            body,
            opportunityId: overview.opportunity.id,
          });
          setBody('');
          await onAdded();
        });
      }}
    >
      <h3 id="reply-heading">Record a reply you received</h3>
      <Field label="From">
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
      <Field label="What they said (optional)">
        {(p) => <textarea {...p} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <ErrorNote error={act.error} />
      <button type="submit" disabled={act.busy}>
        Record reply
      </button>
    </form>
  );
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
    default:
      return kind.replaceAll('-', ' ');
  }
}

export function OpportunityPage() {
  const { id = '' } = useParams();
  const { zone } = useSettings();
  const ov = useLoad(() => api.overview(id), [id]);
  const stage = useAction();
  if (ov.loading) return <Loading what="the opportunity" />;
  if (!ov.data) return <ErrorNote error={ov.error ?? 'This opportunity could not be loaded.'} />;
  const { opportunity: o, interviews, people, messages, timeline, actions } = ov.data;
  const byId = new Map<string, ContactView>(people.map((p) => [p.id, p]));
  const name = (cid: string | null) => (cid ? (byId.get(cid)?.displayName ?? 'someone') : 'someone');
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
            onChange={(e) =>
              stage.run(async () => {
                await api.changeStage(o.id, e.target.value as Stage);
                await ov.reload();
              })
            }
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {o.decisionBy && <span>They said they would decide by {o.decisionBy}.</span>}
      </div>
      <ErrorNote error={stage.error} />

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">Next</h2>
        {actions.length === 0 ? (
          <p className="muted">Nothing planned for this opportunity.</p>
        ) : (
          <ul className="plain">
            {actions.map((a) => (
              <li key={a.key} className={`urgency-${a.urgency}`}>
                <strong>{a.title}</strong> — due {formatDateTime(a.due, zone)}{' '}
                <span className="muted">({a.reason})</span>
              </li>
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
                {formatDateTime(i.start, i.timeZone)} – {formatDateTime(i.end, i.timeZone)} ({i.timeZone})
                {i.status === 'cancelled' && ' — cancelled'}
              </p>
              <p>With: {i.participants.map((p) => name(p.contactId)).join(', ') || 'nobody recorded yet'}</p>
              <div className="row">
                <Link className="button" to={`/interviews/${i.id}/debrief`}>
                  Debrief<span className="visually-hidden"> of {i.round || 'the interview'}</span>
                </Link>
                <Link className="button" to={`/compose?interview=${i.id}&opportunity=${o.id}`}>
                  Thank-you notes<span className="visually-hidden"> for {i.round || 'the interview'}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
        <AddInterview opportunityId={o.id} zone={zone} onAdded={ov.reload} />
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <ul className="plain">
          {people.map((p) => (
            <li key={p.id}>
              <Link to={`/people/${p.id}`}>{p.displayName}</Link>
              {p.title ? `, ${p.title}` : ''} {p.emails[0] ? `— ${p.emails[0]}` : '— no email yet'}
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
              {m.direction === 'in' ? 'From' : 'To'} {m.contactIds.map(name).join(', ')}:{' '}
              {RULE_LABELS[m.kind] ?? m.kind} ({m.status})
              {m.status === 'draft' && (
                <>
                  {' '}
                  <Link to={`/compose?message=${m.id}`}>Open draft</Link>
                </>
              )}
            </li>
          ))}
        </ul>
        <RecordReply overview={ov.data} onAdded={ov.reload} />
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
