import { Link, useParams } from 'react-router';
import { api, type ContactView } from '../api/client';
import { Field } from '../components/field';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useSettings } from '../components/settings-context';
import { useForm } from '../components/use-form';
import { useLoad } from '../components/use-load';
import { formatDateTime, RULE_LABELS } from '../format';

export function PeoplePage() {
  const list = useLoad(() => api.people(), []);
  if (list.loading) return <Loading what="people" />;
  const people = list.data?.people ?? [];
  return (
    <section>
      <PageTitle title="People">People</PageTitle>
      <ErrorNote error={list.error} />
      {people.length === 0 && (
        <p className="calm">Nobody yet. People appear here as you add recruiters and interviewers.</p>
      )}
      <ul className="plain people">
        {people.map((p) => (
          <li key={p.id} className="card">
            <Link to={`/people/${p.id}`}>
              <strong>{p.displayName}</strong>
            </Link>
            <span className="block muted">
              {[p.title, p.company].filter(Boolean).join(', ') || 'No title or company yet'}
            </span>
            <span className="block">{p.emails[0] ?? 'No email address yet'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EditPerson({ person, onSaved }: { person: ContactView; onSaved: () => Promise<void> }) {
  const {
    form,
    set,
    busy,
    fieldError: fe,
    formError,
    submit,
  } = useForm({
    displayName: person.displayName,
    title: person.title ?? '',
    company: person.company ?? '',
    emails: person.emails.join('\n'),
    phones: person.phones.join('\n'),
    notes: person.notes,
  });
  const lines = (t: string) =>
    t
      .split(/[\n,]/)
      .map((x) => x.trim())
      .filter(Boolean);
  const send = submit(async (f) => {
    await api.editPerson(person.id, {
      displayName: f.displayName,
      title: f.title.trim() || null,
      company: f.company.trim() || null,
      emails: lines(f.emails),
      phones: lines(f.phones),
      notes: f.notes,
    });
    await onSaved();
  });
  return (
    <details className="card" open={person.emails.length === 0}>
      <summary>Edit {person.displayName}</summary>
      <form className="form" aria-label={`Edit ${person.displayName}`} onSubmit={send}>
        <Field label="Name, as they spell it" error={fe('displayName')}>
          {(p) => <input {...p} value={form.displayName} onChange={set('displayName')} />}
        </Field>
        <Field label="Title" error={fe('title')}>
          {(p) => <input {...p} value={form.title} onChange={set('title')} />}
        </Field>
        <Field label="Company" error={fe('company')}>
          {(p) => <input {...p} value={form.company} onChange={set('company')} />}
        </Field>
        <Field label="Email addresses" hint="One per line" error={fe('emails')}>
          {(p) => <textarea {...p} rows={2} value={form.emails} onChange={set('emails')} />}
        </Field>
        <Field label="Phone numbers" hint="One per line" error={fe('phones')}>
          {(p) => <textarea {...p} rows={2} value={form.phones} onChange={set('phones')} />}
        </Field>
        <Field label="Notes" error={fe('notes')}>
          {(p) => <textarea {...p} rows={3} value={form.notes} onChange={set('notes')} />}
        </Field>
        <ErrorNote error={formError} />
        <button type="submit" className="primary" disabled={busy}>
          Save {person.displayName}
        </button>
      </form>
    </details>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const { zone } = useSettings();
  const one = useLoad(() => api.person(id), [id]);
  if (one.loading) return <Loading what="this person" />;
  if (!one.data) return <ErrorNote error={one.error ?? 'This person could not be loaded.'} />;
  const { person: p, messages } = one.data;
  return (
    <article>
      <PageTitle title={p.displayName}>{p.displayName}</PageTitle>
      <p>{[p.title, p.company].filter(Boolean).join(', ')}</p>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{p.emails.join(', ') || 'none yet'}</dd>
        {p.phones.length > 0 && (
          <>
            <dt>Phone</dt>
            <dd>{p.phones.join(', ')}</dd>
          </>
        )}
        {p.notes && (
          <>
            <dt>Notes</dt>
            <dd className="pre">{p.notes}</dd>
          </>
        )}
      </dl>
      <EditPerson key={JSON.stringify(p)} person={p} onSaved={one.reload} />
      <section aria-labelledby="source-heading">
        <h2 id="source-heading">Where these details came from</h2>
        <ul className="plain">
          {p.provenance.map((s) => (
            <li key={`${s.field}-${s.value}-${s.at}`}>
              {s.field === 'displayName' ? 'Name' : s.field} “{s.value}” — from {s.source},{' '}
              {formatDateTime(s.at, zone)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="touches-heading">
        <h2 id="touches-heading">Every touch</h2>
        {messages.length === 0 && <p className="muted">No notes or replies yet.</p>}
        <ul className="plain">
          {messages.map((m) => (
            <li key={m.id}>
              {m.direction === 'in'
                ? 'Reply received'
                : `${RULE_LABELS[m.kind] ?? m.kind} note (${m.status})`}
              {m.sentAt ? `, ${formatDateTime(m.sentAt, zone)}` : ''}
              {m.subject ? ` — ${m.subject}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
