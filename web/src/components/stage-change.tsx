/**
 * Changing an opportunity's stage, from a menu or by dragging. Closing it (rejected, withdrawn)
 * stops the interview work and starts the after-a-no notes, so it asks first, in a modal dialog
 * (focus is trapped and Escape cancels); other moves happen at once.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Stage } from '../../../src/core/types';
import { api, type OpportunityView } from '../api/client';
import { STAGE_LABELS } from '../format';
import { useAction } from './use-load';

/** Stages that end the process and need a confirmation. */
const ASKS_FIRST: ReadonlySet<Stage> = new Set(['rejected', 'withdrawn']);

const CONSEQUENCE: Partial<Record<Stage, string>> = {
  rejected:
    'Afterview stops asking for debriefs and thank-you notes for it, suggests a thanks-for-consideration note, and reminds you to reconnect in a few months.',
  withdrawn:
    'Afterview stops asking for debriefs, thank-you notes and check-ins for it, and reminds you to reconnect in a few months.',
};

type Opp = Pick<OpportunityView, 'id' | 'company' | 'role' | 'stage'>;

export function useStageChange(onChanged: () => Promise<void>): {
  /** Move `o` to `stage`, asking first when that closes it. */
  request: (o: Opp, stage: Stage) => void;
  busy: boolean;
  error: string | null;
  /** The confirmation dialog; render it once on the page. */
  dialog: ReactNode;
} {
  const act = useAction();
  const [pending, setPending] = useState<{ o: Opp; stage: Stage } | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const apply = (o: Opp, stage: Stage) =>
    act.run(async () => {
      await api.changeStage(o.id, stage);
      await onChanged();
    });
  useEffect(() => {
    const d = ref.current;
    if (pending && d && !d.open) d.showModal();
    if (!pending && d?.open) d.close();
  }, [pending]);
  const close = () => setPending(null);
  const dialog = (
    <dialog ref={ref} className="card confirm" aria-labelledby="confirm-stage-heading" onClose={close}>
      {pending && (
        <>
          <h2 id="confirm-stage-heading">
            Mark {pending.o.company} ({pending.o.role}) as {STAGE_LABELS[pending.stage]?.toLowerCase()}?
          </h2>
          <p>{CONSEQUENCE[pending.stage]}</p>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => {
                const { o, stage } = pending;
                close();
                void apply(o, stage);
              }}
            >
              Mark as {STAGE_LABELS[pending.stage]?.toLowerCase()}
            </button>
            <button type="button" onClick={close}>
              Keep it {STAGE_LABELS[pending.o.stage]?.toLowerCase()}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
  return {
    request: (o, stage) => {
      if (o.stage === stage) return;
      if (ASKS_FIRST.has(stage)) setPending({ o, stage });
      else void apply(o, stage);
    },
    busy: act.busy,
    error: act.error,
    dialog,
  };
}
