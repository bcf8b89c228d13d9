/** People: everyone met, found by name, company or email and grouped by company; one person's page. */
import { useEffect, useId, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { plural } from '../../../src/core/plural';
import { api, type ContactView } from '../api/client';
import { Field } from '../components/field';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { fieldLabel, sourceSentence } from '../components/provenance';
import { useSettings } from '../components/settings-context';
import { useForm } from '../components/use-form';
import { useLoad } from '../components/use-load';
import { formatDateTime, RULE_LABELS, STAGE_LABELS } from '../format';

/** True when the search words all appear in the person's name, company, title or an address. */
function matches(p: ContactView, query: string): boolean {
  const hay = [p.displayName, p.company ?? '', p.title ?? '', ...p.emails].join(' ').toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/**
 * People listed at most: past this, search narrows (5,000 imported people made the page 816,000 px
 * tall at 375 px and took 9.5 s to render).
 */
export const PEOPLE_SHOWN = 100;

/** People by company, companies A–Z, people without one last. */
function byCompany(people: ContactView[]): Array<[string, ContactView[]]> {
  const groups = new Map<string, ContactView[]>();
  for (const p of people) {
    const key = p.company?.trim() || '';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
}

export function PeoplePage() {
  const list = useLoad(() => api.people(), []);
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const searchId = useId();
  if (list.loading) return <Loading what="people" />;
  const people = list.data?.people ?? [];
  const found = people.filter((p) => matches(p, query));
  const shown = found.slice(0, PEOPLE_SHOWN);
  return (
    <section>
      <PageTitle title="People">People</PageTitle>
      <ErrorNote error={list.error} />
      {people.length === 0 ? (
        <p className="calm">Nobody yet. People appear here as you add recruiters and interviewers.</p>
      ) : (
        <search className="field">
          <label htmlFor={searchId}>Search by name, company or email</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
          />
        </search>
      )}
      {people.length > 0 && (
        <p className="muted" role="status">
          {query
            ? `${plural(found.length, 'person')} ${found.length === 1 ? 'matches' : 'match'} “${query}”.`
            : `${plural(people.length, 'person')}.`}
          {shown.length < found.length &&
            ` Showing ${shown.length.toLocaleString()} of ${found.length.toLocaleString()}; search to narrow.`}
        </p>
      )}
      <div className="people-groups">
        {byCompany(shown).map(([company, group]) => (
          <section key={company || '-'} aria-label={company || 'No company recorded'}>
            <h2>{company || 'No company recorded'}</h2>
            <ul className="plain people">
              {group.map((p) => (
                <li key={p.id} className="card">
                  <Link to={`/people/${p.id}`}>
                    <strong>{p.displayName}</strong>
                  </Link>
                  <span className="block muted">{p.title || 'No title yet'}</span>
                  <span className="block">{p.emails[0] ?? 'No email address yet'}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function EditPerson({
  person,
  focusEmail,
  onSaved,
}: {
  person: ContactView;
  focusEmail: boolean;
  onSaved: () => Promise<void>;
}) {
  const {
    form,
    set,
    busy,
    saved,
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
  const emailsRef = useRef<HTMLTextAreaElement>(null);
  // Arriving from "Add the details": straight onto the one field the action asks for.
  useEffect(() => {
    if (focusEmail) emailsRef.current?.focus();
  }, [focusEmail]);
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
    <details className="card" open={person.emails.length === 0 || focusEmail}>
      <summary>Edit {person.displayName}</summary>
      <form className="form" aria-label={`Edit ${person.displayName}`} onSubmit={send} noValidate>
        <Field label="Name, as they spell it" errorName="Name" error={fe('displayName')}>
          {(p) => <input {...p} value={form.displayName} onChange={set('displayName')} maxLength={300} />}
        </Field>
        <Field label="Title" error={fe('title')}>
          {(p) => <input {...p} value={form.title} onChange={set('title')} maxLength={300} />}
        </Field>
        <Field label="Company" error={fe('company')}>
          {(p) => <input {...p} value={form.company} onChange={set('company')} maxLength={300} />}
        </Field>
        <Field label="Email addresses" hint="One per line" error={fe('emails')}>
          {(p) => <textarea {...p} ref={emailsRef} rows={2} value={form.emails} onChange={set('emails')} />}
        </Field>
        <Field label="Phone numbers" hint="One per line" error={fe('phones')}>
          {(p) => <textarea {...p} rows={2} value={form.phones} onChange={set('phones')} />}
        </Field>
        <Field label="Notes" error={fe('notes')}>
          {(p) => <textarea {...p} rows={3} value={form.notes} onChange={set('notes')} maxLength={20_000} />}
        </Field>
        <ErrorNote error={formError} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Save {person.displayName}
          </button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
    </details>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { zone } = useSettings();
  const one = useLoad(() => api.person(id), [id]);
  if (one.loading) return <Loading what="this person" />;
  if (!one.data) return <ErrorNote error={one.error ?? 'This person could not be loaded.'} />;
  const { person: p, messages, interviews, opportunities } = one.data;
  const oppById = new Map(opportunities.map((o) => [o.id, o]));
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
      <EditPerson
        key={JSON.stringify(p)}
        person={p}
        focusEmail={params.get('focus') === 'email'}
        onSaved={one.reload}
      />
      <section aria-labelledby="opps-heading">
        <h2 id="opps-heading">Opportunities</h2>
        {opportunities.length === 0 && <p className="muted">Not linked to an opportunity yet.</p>}
        <ul className="plain">
          {opportunities.map((o) => (
            <li key={o.id}>
              <Link to={`/opportunities/${o.id}`}>
                {o.company} — {o.role}
              </Link>{' '}
              <span className="muted">({STAGE_LABELS[o.stage] ?? o.stage})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="interviews-heading">
        <h2 id="interviews-heading">Interviews</h2>
        {interviews.length === 0 && <p className="muted">No interviews with them yet.</p>}
        <ul className="plain">
          {interviews.map((i) => (
            <li key={i.id}>
              <Link to={`/opportunities/${i.opportunityId}`}>
                {i.round || 'Interview'}
                {oppById.get(i.opportunityId) ? ` at ${oppById.get(i.opportunityId)?.company}` : ''}
              </Link>
              , {formatDateTime(i.start, zone)}
              {i.status === 'cancelled' && ' (cancelled)'}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="touches-heading">
        <h2 id="touches-heading">Every note to or from them</h2>
        {messages.length === 0 && <p className="muted">No notes or replies yet.</p>}
        <ul className="plain">
          {messages.map((m) => (
            <li key={m.id}>
              {m.direction === 'in' ? (
                <>Reply received{m.sentAt ? `, ${formatDateTime(m.sentAt, zone)}` : ''}</>
              ) : (
                <>
                  {RULE_LABELS[m.kind] ?? 'Other'} note
                  {m.status === 'sent' && m.sentAt
                    ? `, sent ${formatDateTime(m.sentAt, zone)}`
                    : m.status === 'draft'
                      ? ' (a draft)'
                      : ` (${m.status})`}
                </>
              )}
              {m.subject ? ` — ${m.subject}` : ''}{' '}
              {m.direction === 'out' && m.status === 'draft' ? (
                <Link to={`/compose?message=${m.id}`}>Open draft</Link>
              ) : m.opportunityId ? (
                <Link to={`/opportunities/${m.opportunityId}`}>
                  {oppById.get(m.opportunityId)?.company ?? 'the opportunity'}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="source-heading">
        <h2 id="source-heading">Where these details came from</h2>
        <ul className="plain">
          {p.provenance.map((s) => (
            <li key={`${s.field}-${s.value}-${s.at}`}>
              {fieldLabel(s.field)} “{s.value}” — {sourceSentence(s.source, s.at, zone)}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
