/** What the Import page is doing right now (reading, OCR, saving), announced while it runs. */

/** A busy line with an indeterminate progress bar; renders nothing when `label` is null. */
export function ImportProgress({ label }: { label: string | null }) {
  if (!label) return null;
  return (
    <div role="status" className="row">
      {/* Indeterminate: the server does not report how far OCR has got. */}
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
