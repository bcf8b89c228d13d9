/** The checker's findings: the note with each finding underlined, and the list explaining them. */
import type { Finding } from '../api/client';

const RULE_NAMES: Record<string, string> = {
  'wrong-company': 'Wrong company',
  'wrong-name': 'Wrong name',
  placeholder: 'Unfilled placeholder',
  'duplicate-note': 'Same as another note',
  'no-personal-detail': 'Nothing personal',
  'desperate-tone': 'Tone',
  'too-long': 'Too long',
  late: 'Late',
  spelling: 'Spelling',
  'addressee-third-person': 'Talks about them, not to them',
  'too-early': 'Too early',
  unsigned: 'Not signed',
  'no-address': 'No email address',
};

/** Split `text` into plain runs and underlined runs (the first finding wins where two overlap). */
function segments(text: string, findings: Finding[]) {
  const spans = findings
    .map((f, i) => ({ ...f, n: i + 1 }))
    .filter((f) => f.end > f.start && f.end <= text.length && !(f.start === 0 && f.end === text.length))
    .sort((a, b) => a.start - b.start);
  const out: Array<{ text: string; finding?: (typeof spans)[number] }> = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: text.slice(f.start, f.end), finding: f });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export function FindingsPreview({ text, findings }: { text: string; findings: Finding[] }) {
  const parts = segments(text, findings);
  // Nothing to underline: the note is right above, no need to show it twice.
  if (!parts.some((p) => p.finding)) return null;
  return (
    <div className="preview">
      <span className="visually-hidden">Your note with the checker's findings underlined: </span>
      {parts.map((s, i) =>
        s.finding ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their position
          <mark key={i} className={`finding ${s.finding.severity}`} title={s.finding.message}>
            {s.text}
            <sup>
              <span className="visually-hidden">finding </span>
              {s.finding.n}
            </sup>
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{s.text}</span>
        ),
      )}
    </div>
  );
}

export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="ok-note">The checker found nothing to fix.</p>;
  return (
    <ol className="findings">
      {findings.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: findings are re-computed as a whole
        <li key={i} className={f.severity}>
          <strong>
            {f.severity === 'error' ? 'Error' : 'Warning'} — {RULE_NAMES[f.rule] ?? f.rule}:
          </strong>{' '}
          {f.message}
        </li>
      ))}
    </ol>
  );
}
