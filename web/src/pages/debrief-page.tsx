/**
 * The debrief, made for a phone on the walk to the car: a few big fields, saved as you type.
 * Per interviewer: what stayed with you, topics, a problem they raised, what you promised them;
 * per interview: a point to add to an answer, and a private "what to practise" that no note uses.
 * Every edit is kept in localStorage until the server has it, so a dropped connection (or a
 * closed tab) loses nothing; pending edits are sent again when the connection comes back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type ContactView, type DebriefView, type InterviewView } from '../api/client';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useSettings } from '../components/settings-context';
import { formatDateTime } from '../format';

interface NoteForm {
  memorable: string;
  topics: string;
  problem: string;
  promise: string;
}
interface DebriefForm {
  feeling: string;
  wentWell: string;
  /** Private: what to practise. */
  improve: string;
  addToAnswer: string;
  /** The per-interview promise of older debriefs; shown only while it has text. */
  promises: string;
  notes: Record<string, NoteForm>;
}

const storageKey = (interviewId: string) => `afterview:debrief:${interviewId}`;
const EMPTY_NOTE: NoteForm = { memorable: '', topics: '', problem: '', promise: '' };

function fromView(d: DebriefView): DebriefForm {
  return {
    feeling: d.feeling,
    wentWell: d.wentWell,
    improve: d.improve,
    addToAnswer: d.addToAnswer,
    promises: d.promises,
    notes: Object.fromEntries(
      d.notes.map((n) => [
        n.contactId,
        { memorable: n.memorable, topics: n.topics, problem: n.problem, promise: n.promise },
      ]),
    ),
  };
}

function readPending(interviewId: string): DebriefForm | null {
  try {
    const raw = localStorage.getItem(storageKey(interviewId));
    if (!raw) return null;
    // A copy kept by an older version lacks the newer fields: fill them in.
    const kept = JSON.parse(raw) as Partial<DebriefForm>;
    return {
      feeling: kept.feeling ?? '',
      wentWell: kept.wentWell ?? '',
      improve: kept.improve ?? '',
      addToAnswer: kept.addToAnswer ?? '',
      promises: kept.promises ?? '',
      notes: Object.fromEntries(
        Object.entries(kept.notes ?? {}).map(([id, n]) => [id, { ...EMPTY_NOTE, ...n }]),
      ),
    };
  } catch {
    return null;
  }
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline'; message: string };

export function DebriefPage() {
  const { id = '' } = useParams();
  const { zone } = useSettings();
  const [interview, setInterview] = useState<InterviewView | null>(null);
  const [people, setPeople] = useState<ContactView[]>([]);
  const [form, setForm] = useState<DebriefForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef<DebriefForm | null>(null);

  const save = useCallback(async () => {
    const snapshot = latest.current;
    if (!snapshot) return;
    setStatus({ kind: 'saving' });
    try {
      const saved = await api.saveDebrief(id, {
        feeling: snapshot.feeling,
        wentWell: snapshot.wentWell,
        improve: snapshot.improve,
        addToAnswer: snapshot.addToAnswer,
        promises: snapshot.promises,
        notes: Object.entries(snapshot.notes).map(([contactId, n]) => ({ contactId, ...n })),
      });
      // Only forget the local copy if nothing changed while the request was in flight.
      if (latest.current === snapshot) localStorage.removeItem(storageKey(id));
      setStatus({ kind: 'saved', at: saved.updatedAt ?? new Date().toISOString() });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setStatus({ kind: 'offline', message });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), 5000);
    }
  }, [id]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [iv, d, ppl] = await Promise.all([api.interview(id), api.debrief(id), api.people()]);
        if (cancelled) return;
        setInterview(iv);
        setPeople(ppl.people);
        const pending = readPending(id);
        const initial = pending ?? fromView(d);
        latest.current = initial;
        setForm(initial);
        if (pending) void save();
        else if (d.updatedAt) setStatus({ kind: 'saved', at: d.updatedAt });
      } catch (err) {
        // Offline on arrival: the local copy still lets the user write.
        const pending = readPending(id);
        if (pending && !cancelled) {
          latest.current = pending;
          setForm(pending);
        }
        if (!cancelled) setLoadError(err instanceof Error ? err.message : String(err));
      }
    })();
    const online = () => void save();
    window.addEventListener('online', online);
    return () => {
      cancelled = true;
      window.removeEventListener('online', online);
      window.clearTimeout(timer.current);
    };
  }, [id, save]);

  const update = (next: DebriefForm) => {
    latest.current = next;
    setForm(next);
    localStorage.setItem(storageKey(id), JSON.stringify(next));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), 600);
  };
  const setField =
    (k: 'feeling' | 'wentWell' | 'improve' | 'addToAnswer' | 'promises') =>
    (e: { target: { value: string } }) =>
      form && update({ ...form, [k]: e.target.value });
  const setNote = (contactId: string, k: keyof NoteForm) => (e: { target: { value: string } }) => {
    if (!form) return;
    const note = form.notes[contactId] ?? EMPTY_NOTE;
    update({ ...form, notes: { ...form.notes, [contactId]: { ...note, [k]: e.target.value } } });
  };

  if (!form) return loadError ? <ErrorNote error={loadError} /> : <Loading what="the debrief" />;
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  const interviewers = (interview?.participants ?? []).filter((p) => p.role === 'interviewer');

  return (
    <article className="debrief">
      <PageTitle title="Debrief">Debrief</PageTitle>
      {interview && (
        <p className="muted">
          {interview.round || 'Interview'}, {formatDateTime(interview.start, zone)} ·{' '}
          <Link to={`/opportunities/${interview.opportunityId}`}>back to the opportunity</Link>
        </p>
      )}
      <p className={`save-status ${status.kind}`} role="status" aria-live="polite">
        {status.kind === 'saving' && 'Saving…'}
        {status.kind === 'saved' && `Saved ${formatDateTime(status.at, zone)}.`}
        {status.kind === 'offline' &&
          `Not saved to Afterview yet (${status.message}). Your words are kept on this device and will be sent when the connection is back.`}
      </p>
      {loadError && <ErrorNote error={loadError} />}
      <div className="field">
        <label htmlFor="feeling">How did it go?</label>
        <textarea id="feeling" rows={2} value={form.feeling} onChange={setField('feeling')} />
      </div>
      <div className="field">
        <label htmlFor="wentWell">What went well</label>
        <textarea id="wentWell" rows={3} value={form.wentWell} onChange={setField('wentWell')} />
      </div>
      {interviewers.map((p) => {
        const n = form.notes[p.contactId] ?? EMPTY_NOTE;
        const who = names.get(p.contactId) ?? 'Interviewer';
        const field = (k: keyof NoteForm, label: string, rows: number, hint?: string) => (
          <div className="field">
            <label htmlFor={`${k}-${p.contactId}`}>{label}</label>
            {hint && (
              <small id={`${k}-${p.contactId}-hint`} className="muted">
                {hint}
              </small>
            )}
            <textarea
              id={`${k}-${p.contactId}`}
              rows={rows}
              value={n[k]}
              onChange={setNote(p.contactId, k)}
              aria-describedby={hint ? `${k}-${p.contactId}-hint` : undefined}
            />
          </div>
        );
        return (
          <fieldset key={p.contactId} className="card">
            <legend>{who}</legend>
            {field(
              'memorable',
              `What stayed with you about ${who}`,
              3,
              'Write it as it comes ("she showed me the tool she built"): the note to them will say "you".',
            )}
            {field('topics', 'Topics you discussed', 2, 'Separate them with ; or commas.')}
            {field('problem', `A problem ${who} raised`, 2)}
            {field('promise', `What you promised ${who}`, 2)}
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor="addToAnswer">A point to add to one of your answers</label>
        <small id="addToAnswer-hint" className="muted">
          It may go into the note to the interviewer who asked ("On the caching question, I would add…").
        </small>
        <textarea
          id="addToAnswer"
          rows={3}
          value={form.addToAnswer}
          onChange={setField('addToAnswer')}
          aria-describedby="addToAnswer-hint"
        />
      </div>
      {form.promises.trim() !== '' && (
        <div className="field">
          <label htmlFor="promises">Promised to everyone (from an older debrief)</label>
          <small id="promises-hint" className="muted">
            Notes use this only while no interviewer has a promise of their own above.
          </small>
          <textarea
            id="promises"
            rows={2}
            value={form.promises}
            onChange={setField('promises')}
            aria-describedby="promises-hint"
          />
        </div>
      )}
      <div className="field private">
        <label htmlFor="improve">What to practise (private)</label>
        <small id="improve-hint" className="muted">
          Only you see this. It never goes into a note or anything you send.
        </small>
        <textarea
          id="improve"
          rows={3}
          value={form.improve}
          onChange={setField('improve')}
          aria-describedby="improve-hint"
        />
      </div>
      {interview && (
        <p>
          <Link
            className="button primary"
            to={`/compose?interview=${interview.id}&opportunity=${interview.opportunityId}`}
          >
            Write the thank-you notes
          </Link>
        </p>
      )}
    </article>
  );
}
