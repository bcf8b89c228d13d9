/** "Try with sample data": seeds a realistic job hunt when the demo feature is available. */
import { request } from '../api/client';
import { ErrorNote } from './notes';
import { useAction } from './use-load';

export function SampleDataButton({ onDone }: { onDone: () => Promise<void> }) {
  const act = useAction();
  return (
    <>
      <button
        type="button"
        disabled={act.busy}
        onClick={() =>
          act.run(async () => {
            await request('POST', '/api/demo', { scale: 20 });
            await onDone();
          })
        }
      >
        {act.busy ? 'Adding sample data…' : 'Try with sample data'}
      </button>
      <ErrorNote error={act.error} />
    </>
  );
}
