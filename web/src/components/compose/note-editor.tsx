/**
 * One note to one person for one purpose. The page mounts a new editor for every target
 * (recipient + kind + action), so the text, the draft it saves to, the checker, the mailto:/.eml
 * address and the message recorded all belong to the same person by construction.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { ApiError, api, type ContactView, type Finding, type MessageView } from '../../api/client';
import { RULE_LABELS } from '../../format';
import { FindingsList, FindingsPreview } from '../findings';
import { ErrorNote, Loading, PageTitle } from '../notes';
import { useSettings } from '../settings-context';
import { useAction } from '../use-load';
import { RecipientAddress } from './address-fields';
import { DraftHints } from './draft-hints';
import { HandoffButtons } from './handoff-buttons';
import { NoteOutcome } from './note-outcome';
import { LeavePrompt, SwitchPrompt } from './prompts';
import { ClosedAction, SentNote } from './sent-note';
import { type ComposeTarget, KINDS, type Kind, retarget, targetKey } from './target';
import { readPendingText, type SaveStatus, type Text, useDraftAutosave } from './use-draft-autosave';
import { forTheWebApp } from './web-errors';

type Opened =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'sent'; message: MessageView }
  | { phase: 'closed'; state: 'done' | 'dismissed' }
  | { phase: 'writing' };

export interface NoteEditorProps {
  target: ComposeTarget;
  people: Map<string, ContactView>;
  /** Who may be picked in "To": the interview's interviewers, else everyone. */
  choices: string[];
  onTarget: (next: ComposeTarget) => void;
  onPersonSaved: (p: ContactView) => void;
}

function timeOf(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

function statusText(s: SaveStatus, zone: string): string {
  switch (s.kind) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return s.at ? `Saved ${timeOf(s.at, zone)}` : 'Saved as a draft';
    case 'unsaved':
      return 'Not saved yet';
    case 'failed':
      return `Not saved to Afterview yet: ${s.message} Your words are kept on this device and will be saved when the connection is back.`;
    default:
      return '';
  }
}

export function NoteEditor({ target: asked, people, choices, onTarget, onPersonSaved }: NoteEditorProps) {
  const { zone } = useSettings();
  const [opened, setOpened] = useState<Opened>({ phase: 'loading' });
  // An action that no longer exists (the person left the interview): the note is written freely.
  const [actionGone, setActionGone] = useState(false);
  const target: ComposeTarget = actionGone ? { ...asked, actionKey: null } : asked;
  const storage = targetKey(asked);
  const [actionTitle, setActionTitle] = useState<string | null>(null);
  const [text, setText] = useState<Text>({ subject: '', body: '' });
  const [draft, setDraft] = useState<MessageView | null>(null);
  const baseline = useRef<Text>({ subject: '', body: '' });
  const [findings, setFindings] = useState<Finding[] | null>(null);
  // What drafting noticed (no name to sign with, a line it could not turn to "you").
  const [hints, setHints] = useState<string[]>([]);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [outcome, setOutcome] = useState<{ message: MessageView; later: boolean } | null>(null);
  const [switchTo, setSwitchTo] = useState<ComposeTarget | null>(null);
  const [leaveError, setLeaveError] = useState<string | null>(null);
  // "Write the note anyway" on an action marked done or dismissed by hand.
  const [writeAnyway, setWriteAnyway] = useState(false);
  const record = useAction();
  const autosave = useDraftAutosave({ target, storage, draft, onDraft: setDraft });
  const { reset, changed } = autosave;

  const recipient = people.get(target.contactId) ?? null;
  const recipientName = recipient?.displayName ?? 'them';

  /** Show `from` (a saved draft, or nothing yet), unless this device holds newer words for it. */
  const begin = useCallback(
    (from: MessageView | null) => {
      const loaded = from ? { subject: from.subject, body: from.body } : { subject: '', body: '' };
      baseline.current = loaded;
      setDraft(from);
      reset(loaded, from);
      const pending = readPendingText(storage);
      if (pending && (pending.subject !== loaded.subject || pending.body !== loaded.body)) {
        setText(pending);
        changed(pending);
      } else setText(loaded);
      setOpened({ phase: 'writing' });
    },
    [storage, reset, changed],
  );

  // Open the note for this target: what was sent, else the saved draft, else a fresh draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is remounted per target
  useEffect(() => {
    setOpened({ phase: 'loading' });
    let cancelled = false;
    void (async () => {
      try {
        if (asked.messageId) {
          const m = await api.message(asked.messageId);
          if (cancelled) return;
          if (m.status === 'draft') begin(m);
          else setOpened({ phase: 'sent', message: m });
          return;
        }
        if (asked.actionKey) {
          let n: Awaited<ReturnType<typeof api.noteForAction>> | null = null;
          try {
            n = await api.noteForAction(asked.actionKey);
          } catch (err) {
            if (!(err instanceof ApiError && err.field === 'key')) throw err;
          }
          if (cancelled) return;
          if (!n) {
            setActionGone(true);
            begin(null);
            return;
          }
          setActionTitle(n.action.title);
          if (n.sent && !asked.another) return setOpened({ phase: 'sent', message: n.sent });
          if (!writeAnyway && (n.action.state === 'done' || n.action.state === 'dismissed')) {
            return setOpened({ phase: 'closed', state: n.action.state });
          }
          if (n.draft) return begin(n.draft);
          const drafted = await api.draftForAction(asked.actionKey);
          if (cancelled) return;
          begin(drafted.message);
          setFindings(drafted.check.findings);
          setHints(drafted.hints);
          return;
        }
        begin(null);
      } catch (err) {
        if (!cancelled) setOpened({ phase: 'failed', message: forTheWebApp(err) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [writeAnyway]);

  const recipientEmails = recipient?.emails.join(',') ?? '';
  // The live check, a moment after the typing stops; an answer for older text is ignored.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recipientEmails is a reason to check again, not a value read
  useEffect(() => {
    if (opened.phase !== 'writing' || !target.contactId) return;
    let stale = false;
    const t = window.setTimeout(() => {
      api
        .check({
          body: text.body,
          subject: text.subject,
          contactId: target.contactId,
          kind: target.kind,
          actionKey: target.actionKey,
          opportunityId: target.opportunityId,
          ...(draft && { messageId: draft.id }),
        })
        .then((r) => {
          if (stale) return;
          setFindings(r.findings);
          setCheckError(null);
        })
        .catch((err: unknown) => {
          if (!stale) setCheckError(`The checker could not run: ${forTheWebApp(err)}`);
        });
    }, 350);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
    // The recipient's addresses too: one added under "To" settles the checker's "no email address"
    // error, which would otherwise keep the note from being opened or sent.
  }, [
    opened.phase,
    text,
    target.contactId,
    target.kind,
    target.actionKey,
    target.opportunityId,
    draft,
    recipientEmails,
  ]);

  // Leaving the page (not just changing the note) with words not yet saved: ask first.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      autosave.unsaved && currentLocation.pathname !== nextLocation.pathname,
  );

  const type = (next: Text) => {
    setText(next);
    changed(next);
  };

  const edited = text.subject !== baseline.current.subject || text.body !== baseline.current.body;

  /** Switch to another note: save this one first (its words stay on the device if that fails). */
  const go = async (next: ComposeTarget) => {
    setSwitchTo(null);
    await autosave.save().catch(() => null);
    onTarget(next);
  };
  /**
   * The note for another person or kind: the planner's open action for that person and kind when
   * there is one (their thank-you, the recruiter's check-in), so it is drafted from the template.
   */
  const choose = async (change: { contactId?: string; kind?: Kind }) => {
    let next = retarget(target, change);
    if (!next.actionKey && next.kind !== 'other' && next.contactId) {
      const today = await api.today().catch(() => null);
      const open = today?.actions.find(
        (a) =>
          a.rule === next.kind &&
          a.contactId === next.contactId &&
          (!next.opportunityId || a.opportunityId === next.opportunityId),
      );
      if (open)
        next = {
          ...next,
          actionKey: open.key,
          opportunityId: open.opportunityId,
          interviewId: open.interviewId,
        };
    }
    ask(next);
  };
  const ask = (next: ComposeTarget) => {
    if (opened.phase === 'writing' && edited) setSwitchTo(next);
    else void go(next);
  };

  /** The draft as Afterview has it now, with what is on screen saved. */
  const saved = async (): Promise<MessageView> => {
    const d = await autosave.save();
    if (!d) throw new Error('Write the note first.');
    return d;
  };

  if (opened.phase === 'loading') return <Loading what="the note" />;
  if (opened.phase === 'failed') {
    return (
      <section>
        <PageTitle title="Compose">Write a note</PageTitle>
        <ErrorNote error={opened.message} />
      </section>
    );
  }

  if (outcome) {
    return (
      <NoteOutcome
        message={outcome.message}
        later={outcome.later}
        recipientName={recipientName}
        target={target}
        onNext={(contactId) => onTarget(retarget({ ...target, actionKey: null }, { contactId }))}
      />
    );
  }

  const writeAnother = () => onTarget({ ...asked, messageId: null, another: true });
  if (opened.phase === 'sent' || opened.phase === 'closed') {
    return (
      <section className="compose">
        <PageTitle title="Compose">{opened.phase === 'sent' ? 'Already sent' : 'Already done'}</PageTitle>
        {opened.phase === 'sent' ? (
          <SentNote message={opened.message} recipientName={recipientName} onWriteAnother={writeAnother} />
        ) : (
          <ClosedAction
            state={opened.state}
            recipientName={recipientName}
            onWriteAnother={() => setWriteAnyway(true)}
          />
        )}
      </section>
    );
  }

  const needsAddress = recipient !== null && recipient.emails.length === 0;
  // The missing address is shown once, under "To" with its field, rather than again in the list;
  // it blocks opening and sending (those buttons wait for it), not recording a note sent elsewhere.
  const shown = findings?.filter((f) => !(needsAddress && f.rule === 'no-address'));
  const errors = (shown ?? []).filter((f) => f.severity === 'error');
  const blocked = errors.length > 0 && !override;
  const locked = Boolean(asked.messageId);

  return (
    <section className="compose">
      <PageTitle title="Compose">Write a note</PageTitle>
      {actionTitle && !target.another && <p className="muted">{actionTitle}</p>}
      {target.another && (
        <p className="muted">Another note to {recipientName}: the one you sent before is kept as it was.</p>
      )}
      <div className="two">
        <div className="field">
          <label htmlFor="recipient">To</label>
          <select
            id="recipient"
            value={target.contactId}
            disabled={locked}
            aria-describedby={needsAddress ? 'needs-address' : undefined}
            onChange={(e) => void choose({ contactId: e.target.value })}
          >
            {!target.contactId && <option value="">Choose a person</option>}
            {choices.map((id) => {
              const p = people.get(id);
              return (
                <option key={id} value={id}>
                  {p?.displayName ?? id}
                  {p?.emails[0] ? ` <${p.emails[0]}>` : ' (no email yet)'}
                </option>
              );
            })}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">Kind</label>
          <select
            id="kind"
            value={target.kind}
            disabled={locked}
            onChange={(e) => {
              const kind = KINDS.find((k) => k === e.target.value);
              if (kind) void choose({ kind });
            }}
          >
            {KINDS.map((k: Kind) => (
              <option key={k} value={k}>
                {RULE_LABELS[k] ?? 'Other'}
              </option>
            ))}
          </select>
        </div>
      </div>
      {switchTo && (
        <SwitchPrompt
          from={recipientName}
          to={people.get(switchTo.contactId)?.displayName ?? 'them'}
          onSwitch={() => void go(switchTo)}
          onStay={() => setSwitchTo(null)}
        />
      )}
      {needsAddress && recipient && (
        <div id="needs-address">
          <RecipientAddress person={recipient} onSaved={onPersonSaved} />
        </div>
      )}
      <div className="field">
        <label htmlFor="subject">Subject</label>
        <input
          id="subject"
          value={text.subject}
          onChange={(e) => type({ ...text, subject: e.target.value })}
        />
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor="body">Note</label>
          <span className={`save-status ${autosave.status.kind}`} role="status" aria-live="polite">
            {statusText(autosave.status, zone)}
          </span>
        </div>
        <textarea
          id="body"
          rows={12}
          value={text.body}
          onChange={(e) => type({ ...text, body: e.target.value })}
          aria-describedby="check-results"
        />
      </div>
      {blocker.state === 'blocked' && (
        <LeavePrompt
          error={leaveError}
          onStay={() => blocker.reset()}
          onLeave={() => blocker.proceed()}
          onSaveAndLeave={() =>
            void autosave
              .save()
              .then(() => blocker.proceed())
              .catch((err: unknown) => setLeaveError(forTheWebApp(err)))
          }
        />
      )}
      <section id="check-results" aria-live="polite" aria-labelledby="check-heading" className="card">
        <h2 id="check-heading">Checker</h2>
        <ErrorNote error={checkError} />
        {shown && text.body && <FindingsPreview text={text.body} findings={shown} />}
        {shown && <FindingsList findings={shown} />}
        <DraftHints hints={hints} />
      </section>
      {errors.length > 0 && (
        <label className="override">
          <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> Send
          anyway: I have read the errors above
        </label>
      )}
      <HandoffButtons
        text={text}
        recipientName={recipientName}
        needsAddress={needsAddress}
        blocked={blocked}
        override={override}
        busy={record.busy}
        saved={saved}
        onRecorded={(message, later) => setOutcome({ message, later: Boolean(later) })}
        run={record.run}
      />
      {blocked && (
        <p id="blocked-why" className="muted">
          Fix the errors above (or tick "Send anyway") before copying, opening, downloading, sending or
          marking it as sent.
        </p>
      )}
      <ErrorNote error={record.error} />
    </section>
  );
}
