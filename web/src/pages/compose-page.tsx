/**
 * Compose: one note to one person, checked as you type. Findings are underlined in a preview of
 * the note and explained below it; "mark as sent" is blocked by errors unless overridden.
 */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type ContactView, type Finding, type MessageView } from '../api/client';
import { FindingsList, FindingsPreview } from '../components/findings';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useSettings } from '../components/settings-context';
import { useAction, useLoad } from '../components/use-load';
import { formatDateTime, RULE_LABELS } from '../format';

type Kind = MessageView['kind'];
const KINDS: Kind[] = ['thank-you', 'check-in', 'thanks-for-consideration', 'reconnect', 'other'];

export function ComposePage() {
  const [params, setParams] = useSearchParams();
  const messageId = params.get('message');
  const interviewId = params.get('interview');
  const [people, setPeople] = useState<ContactView[] | null>(null);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [draft, setDraft] = useState<MessageView | null>(null);
  const [contactId, setContactId] = useState(params.get('contact') ?? '');
  const [kind, setKind] = useState<Kind>((params.get('kind') as Kind | null) ?? 'thank-you');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [sent, setSent] = useState<MessageView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const send = useAction();
  const copy = useAction();
  const [copied, setCopied] = useState(false);
  const [sendAt, setSendAt] = useState('');
  const { zone } = useSettings();
  const mail = useLoad(() => api.mailSettings(), []);
  const canSend = Boolean(mail.data?.smtpUrl);
  const opportunityId = params.get('opportunity') ?? draft?.opportunityId ?? null;
  const actionKey =
    params.get('action') ??
    draft?.actionKey ??
    (kind === 'thank-you' && interviewId && contactId ? `thank-you:${interviewId}:${contactId}` : null);

  // Load the people (and the interview's interviewers, or the draft being edited).
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const { people: all } = await api.people();
        let ids = all.map((p) => p.id);
        if (messageId) {
          const m = await api.message(messageId);
          if (cancelled) return;
          setDraft(m);
          setSubject(m.subject);
          setBody(m.body);
          setKind(m.kind);
          setContactId(m.contactIds[0] ?? '');
          ids = m.contactIds;
        } else if (interviewId) {
          const iv = await api.interview(interviewId);
          ids = iv.participants.filter((p) => p.role === 'interviewer').map((p) => p.contactId);
          if (!params.get('contact') && ids[0]) setContactId(ids[0]);
        }
        if (cancelled) return;
        setPeople(all);
        setRecipients(ids);
      } catch (err) {
        if (!cancelled) setLoadError(err instanceof Error ? err.message : String(err));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [messageId, interviewId, params]);

  // An existing draft for the same action is picked up rather than started over.
  useEffect(() => {
    if (messageId || !actionKey || !contactId) return;
    let cancelled = false;
    api
      .messages(opportunityId ?? undefined)
      .then(({ messages }) => {
        const existing = messages.find((m) => m.actionKey === actionKey && m.status === 'draft');
        if (cancelled) return;
        if (existing) {
          setDraft(existing);
          setSubject(existing.subject);
          setBody(existing.body);
          return;
        }
        // No draft yet: write one from the template and the debrief.
        return api.draftForAction(actionKey).then((r) => {
          if (cancelled) return;
          setDraft(r.message);
          setSubject(r.message.subject);
          setBody(r.message.body);
          setFindings(r.check.findings);
        });
      })
      .catch(() => {
        // The action may be closed already (sent, dismissed): the user can still write freely.
        if (!cancelled) setDraft(null);
      });
    return () => {
      cancelled = true;
    };
  }, [messageId, actionKey, contactId, opportunityId]);

  // The live check, a moment after the typing stops. An answer for older text is ignored, so a
  // slow check of a previous version never overwrites the findings for what is on screen.
  useEffect(() => {
    if (!contactId) return;
    let stale = false;
    const t = window.setTimeout(() => {
      api
        .check({
          body,
          subject,
          contactId,
          kind,
          actionKey,
          opportunityId,
          ...(draft && { messageId: draft.id }),
        })
        .then((r) => {
          if (stale) return;
          setFindings(r.findings);
          setCheckError(null);
        })
        .catch((err: Error) => {
          if (!stale) setCheckError(`The checker could not run: ${err.message}`);
        });
    }, 350);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [body, subject, contactId, kind, actionKey, opportunityId, draft]);

  /** Save the draft (create or update) and return it. */
  const saveDraft = async (): Promise<MessageView> => {
    if (draft && draft.status === 'draft') {
      const updated = await api.updateDraft(draft.id, { subject, body });
      setDraft(updated);
      return updated;
    }
    const created = await api.saveDraft({
      kind,
      contactIds: [contactId],
      subject,
      body,
      opportunityId,
      interviewId,
      actionKey,
    });
    setDraft(created);
    return created;
  };

  if (loadError) return <ErrorNote error={loadError} />;
  if (!people) return <Loading what="the note" />;
  const byId = new Map(people.map((p) => [p.id, p]));
  const recipient = byId.get(contactId);
  const errors = (findings ?? []).filter((f) => f.severity === 'error');
  const blocked = errors.length > 0 && !override;

  if (sent) {
    return (
      <section>
        <PageTitle title="Compose">
          {sent.status === 'scheduled' ? (sendAt ? 'Scheduled' : 'Sending') : 'Done'}
        </PageTitle>
        <p role="status">
          {sent.status !== 'scheduled'
            ? `Your note to ${recipient?.displayName ?? 'them'} is recorded as sent.`
            : sendAt && sent.sendAt
              ? `Your note to ${recipient?.displayName ?? 'them'} will go out ${formatDateTime(sent.sendAt, zone)}.`
              : `Your note to ${recipient?.displayName ?? 'them'} is on its way: the outbox sends it within a few seconds.`}{' '}
          <Link to="/">Back to Today</Link>
          {interviewId && recipients.length > 1 && (
            <>
              {' '}
              or{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setSent(null);
                  setBody('');
                  setSubject('');
                  setDraft(null);
                  setOverride(false);
                  setContactId(recipients.find((r) => r !== contactId) ?? contactId);
                }}
              >
                write the next one
              </button>
            </>
          )}
          .
        </p>
      </section>
    );
  }

  return (
    <section className="compose">
      <PageTitle title="Compose">Write a note</PageTitle>
      <div className="two">
        <div className="field">
          <label htmlFor="recipient">To</label>
          <select
            id="recipient"
            value={contactId}
            disabled={Boolean(messageId)}
            onChange={(e) => {
              setContactId(e.target.value);
              const next = new URLSearchParams(params);
              next.set('contact', e.target.value);
              next.delete('action');
              setParams(next);
            }}
          >
            {!contactId && <option value="">Choose a person</option>}
            {recipients.map((id) => (
              <option key={id} value={id}>
                {byId.get(id)?.displayName ?? id}
                {byId.get(id)?.emails[0] ? ` <${byId.get(id)?.emails[0]}>` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">Kind</label>
          <select
            id="kind"
            value={kind}
            disabled={Boolean(messageId)}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {RULE_LABELS[k] ?? 'Other'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="subject">Subject</label>
        <input id="subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="body">Note</label>
        <textarea
          id="body"
          rows={12}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby="check-results"
        />
      </div>
      <section id="check-results" aria-live="polite" aria-labelledby="check-heading" className="card">
        <h2 id="check-heading">Checker</h2>
        <ErrorNote error={checkError} />
        {findings && body && <FindingsPreview text={body} findings={findings} />}
        {findings && <FindingsList findings={findings} />}
      </section>
      {errors.length > 0 && (
        <label className="override">
          <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> Send
          anyway: I have read the errors above
        </label>
      )}
      <div className="row">
        <button
          type="button"
          disabled={copy.busy || !body}
          onClick={() =>
            copy.run(async () => {
              await saveDraft();
              await navigator.clipboard.writeText(subject ? `${subject}\n\n${body}` : body);
              setCopied(true);
            })
          }
        >
          Copy
        </button>
        <button
          type="button"
          disabled={send.busy || !contactId}
          onClick={() =>
            send.run(async () => {
              await saveDraft();
            })
          }
        >
          Save draft
        </button>
        <button
          type="button"
          disabled={send.busy || !body || !contactId}
          onClick={() =>
            send.run(async () => {
              const d = await saveDraft();
              window.location.href = (await api.mailto(d.id)).url;
            })
          }
        >
          Open in mail app
        </button>
        <button
          type="button"
          disabled={send.busy || !body || !contactId}
          onClick={() =>
            send.run(async () => {
              const d = await saveDraft();
              window.location.href = api.emlPath(d.id);
            })
          }
        >
          Download .eml
        </button>
        <button
          type="button"
          className="primary"
          disabled={send.busy || blocked || !body || !contactId}
          aria-describedby={blocked ? 'blocked-why' : undefined}
          onClick={() =>
            send.run(async () => {
              const d = await saveDraft();
              setSent(await api.markSent(d.id));
            })
          }
        >
          Mark as sent
        </button>
      </div>
      {canSend && (
        <div className="card">
          <h2>Send from {mail.data?.fromAddress ?? 'your mailbox'}</h2>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={send.busy || blocked || !body || !contactId}
              onClick={() =>
                send.run(async () => {
                  const d = await saveDraft();
                  setSent((await api.send(d.id, { force: override })).message);
                })
              }
            >
              Send now
            </button>
          </div>
          <div className="row">
            <label className="compact">
              Send at{' '}
              <input type="datetime-local" value={sendAt} onChange={(e) => setSendAt(e.target.value)} />
            </label>
            <button
              type="button"
              disabled={send.busy || blocked || !body || !contactId || !sendAt}
              onClick={() =>
                send.run(async () => {
                  const d = await saveDraft();
                  setSent((await api.send(d.id, { at: sendAt, force: override })).message);
                })
              }
            >
              Schedule
            </button>
          </div>
        </div>
      )}
      {blocked && (
        <p id="blocked-why" className="muted">
          Fix the errors above (or tick "Send anyway") before marking it as sent.
        </p>
      )}
      {copied && (
        <p role="status">Copied. Paste it into your mail app, send it, then come back and mark it as sent.</p>
      )}
      <ErrorNote error={send.error ?? copy.error} />
    </section>
  );
}
