/**
 * An action already carried out opens on what was sent and when, read-only, so nobody thanks
 * the same person twice by accident. Writing another note stays possible, as a secondary choice.
 */
import type { MessageView } from '../../api/client';
import { formatDateTime, formatDay } from '../../format';
import { useSettings } from '../settings-context';
import type { Kind } from './target';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

function sentSentence(kind: Kind, name: string, day: string): string {
  switch (kind) {
    case 'thank-you':
      return `You thanked ${name} on ${day}.`;
    case 'check-in':
      return `You checked in with ${name} on ${day}.`;
    case 'thanks-for-consideration':
      return `You thanked ${name} for the consideration on ${day}.`;
    case 'reconnect':
      return `You got back in touch with ${name} on ${day}.`;
    default:
      return `You wrote to ${name} on ${day}.`;
  }
}

export function SentNote({
  message,
  recipientName,
  onWriteAnother,
}: {
  message: MessageView;
  recipientName: string;
  onWriteAnother: () => void;
}) {
  const { zone } = useSettings();
  const name = firstName(recipientName);
  const when = message.sentAt ?? message.sendAt ?? message.createdAt;
  const leaving = message.status === 'scheduled' || message.status === 'sending';
  return (
    <section className="sent-note" aria-labelledby="sent-heading">
      <h2 id="sent-heading">
        {leaving
          ? `Your note to ${name} goes out ${formatDateTime(when, zone)}.`
          : sentSentence(message.kind, name, formatDay(when, zone))}
      </h2>
      {message.status === 'uncertain' && (
        <p className="muted">It may not have left: check your Sent folder before writing again.</p>
      )}
      <figure className="card">
        <figcaption className="muted">
          To {recipientName}
          {message.subject ? ` · ${message.subject}` : ''}
        </figcaption>
        <div className="note-text">{message.body || 'No text was recorded for this note.'}</div>
      </figure>
      <p>
        <button type="button" onClick={onWriteAnother}>
          Write another note to {name} anyway
        </button>
      </p>
    </section>
  );
}

/** The action was marked done or dismissed by hand: say so, and let the user write anyway. */
export function ClosedAction({
  state,
  recipientName,
  onWriteAnother,
}: {
  state: 'done' | 'dismissed';
  recipientName: string;
  onWriteAnother: () => void;
}) {
  return (
    <section className="sent-note" aria-labelledby="sent-heading">
      <h2 id="sent-heading">
        {state === 'done'
          ? `You marked this note to ${firstName(recipientName)} as done.`
          : `You dismissed this note to ${firstName(recipientName)}.`}
      </h2>
      <p>
        <button type="button" onClick={onWriteAnother}>
          Write the note anyway
        </button>
      </p>
    </section>
  );
}
