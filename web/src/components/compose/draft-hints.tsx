/**
 * What Afterview noticed while drafting ("Set your name in Settings to sign your notes", a line
 * left in the third person): said calmly beside the checker's findings, as advice rather than
 * errors, with the way to fix it one click away when the fix lives elsewhere.
 */
import { Link } from 'react-router';

const NAME_HINT = 'Set your name in Settings';

export function DraftHints({ hints }: { hints: string[] }) {
  if (hints.length === 0) return null;
  return (
    <div className="draft-hints">
      <h3 id="draft-hints-heading">From drafting</h3>
      <ul aria-labelledby="draft-hints-heading">
        {hints.map((hint) => (
          <li key={hint} className="hint">
            {hint}
            {hint.startsWith(NAME_HINT) && (
              <>
                {' '}
                <Link to="/settings">Open Settings</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
