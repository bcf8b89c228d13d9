/**
 * After a note is recorded or handed to the outbox: what happened, to whom, and, for the
 * thank-yous of one interview, the next interviewer still waiting for theirs.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type MessageView } from '../../api/client';
import { formatDateTime } from '../../format';
import { PageTitle } from '../notes';
import { useSettings } from '../settings-context';
import type { ComposeTarget } from './target';

export function NoteOutcome({
  message,
  later,
  recipientName,
  target,
  onNext,
}: {
  message: MessageView;
  /** Scheduled for a time the user chose (rather than "send now"). */
  later: boolean;
  recipientName: string;
  target: ComposeTarget;
  onNext: (contactId: string) => void;
}) {
  const { zone } = useSettings();
  const [next, setNext] = useState<{ contactId: string; name: string } | null>(null);

  // The thank-yous of this interview still open, from the plan as it is after this note.
  useEffect(() => {
    if (!target.interviewId || target.kind !== 'thank-you') return;
    let cancelled = false;
    void Promise.all([api.today(), api.people()])
      .then(([today, { people }]) => {
        const open = today.actions.find(
          (a) =>
            a.rule === 'thank-you' &&
            a.interviewId === target.interviewId &&
            a.contactId !== null &&
            a.contactId !== target.contactId,
        );
        if (cancelled || !open?.contactId) return;
        const name = people.find((p) => p.id === open.contactId)?.displayName ?? 'the next interviewer';
        setNext({ contactId: open.contactId, name });
      })
      .catch(() => {
        // Without the plan there is simply no "next" suggestion; the note itself is recorded.
      });
    return () => {
      cancelled = true;
    };
  }, [target.interviewId, target.kind, target.contactId]);

  const scheduled = message.status === 'scheduled';
  return (
    <section className="compose">
      <PageTitle title="Compose">{scheduled ? (later ? 'Scheduled' : 'Sending') : 'Done'}</PageTitle>
      <p role="status">
        {!scheduled
          ? `Your note to ${recipientName} is recorded as sent.`
          : later && message.sendAt
            ? `Your note to ${recipientName} will go out ${formatDateTime(message.sendAt, zone)}.`
            : `Your note to ${recipientName} is on its way: the outbox sends it within a few seconds.`}
      </p>
      <div className="row">
        {next && (
          <button type="button" className="primary" onClick={() => onNext(next.contactId)}>
            Write to {next.name} next
          </button>
        )}
        <Link className="button" to="/">
          Back to Today
        </Link>
      </div>
    </section>
  );
}
