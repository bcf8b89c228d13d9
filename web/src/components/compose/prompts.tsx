/**
 * The two questions Compose asks before words could be lost or misdirected: switching the note
 * to someone else after editing it, and leaving the page before the last words are saved.
 * Inline, in the page's flow (no modal), and focused when they appear so keyboard and screen
 * reader users meet them at once.
 */
import { useEffect, useRef } from 'react';

function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

export function SwitchPrompt({
  from,
  to,
  onSwitch,
  onStay,
}: {
  from: string;
  to: string;
  onSwitch: () => void;
  onStay: () => void;
}) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div className="prompt card" role="alertdialog" aria-labelledby="switch-q" tabIndex={-1} ref={ref}>
      <p id="switch-q">
        You have edited the note to {from}; it stays saved as a draft for them. Write to {to} instead?
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={onSwitch}>
          Write to {to}
        </button>
        <button type="button" onClick={onStay}>
          Keep writing to {from}
        </button>
      </div>
    </div>
  );
}

export function LeavePrompt({
  error,
  onSaveAndLeave,
  onStay,
  onLeave,
}: {
  error: string | null;
  onSaveAndLeave: () => void;
  onStay: () => void;
  onLeave: () => void;
}) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div className="prompt card" role="alertdialog" aria-labelledby="leave-q" tabIndex={-1} ref={ref}>
      <p id="leave-q">Your last changes to this note are not saved yet.</p>
      {error && <p className="error-note">{error}</p>}
      <div className="row">
        <button type="button" className="primary" onClick={onSaveAndLeave}>
          Save and leave
        </button>
        <button type="button" onClick={onStay}>
          Stay
        </button>
        <button type="button" className="quiet" onClick={onLeave}>
          Leave without saving
        </button>
      </div>
    </div>
  );
}
