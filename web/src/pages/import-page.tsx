/**
 * Import: a calendar invite (.ics), contact cards (.vcf), a CSV, a pasted schedule or a photo of
 * a business card. Afterview reads it, shows what it understood and what saving would do, and
 * saves only when the user confirms (all of it or nothing).
 */
import { type ChangeEvent, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { importPreviewView, importResultView } from '../../../src/features/imports/import.schemas';
import { request } from '../api/client';
import { Field } from '../components/field';
import { ErrorNote, PageTitle } from '../components/notes';
import { useSettings } from '../components/settings-context';
import { useAction } from '../components/use-load';
import { formatDateTime } from '../format';

type Preview = z.infer<typeof importPreviewView>;
type Result = z.infer<typeof importResultView>;
type FileBody = { fileName: string; text?: string; contentBase64?: string };

const TEXT_FILE = /\.(ics|vcf|csv|txt|tsv)$/i;

async function toBody(file: File): Promise<FileBody> {
  if (TEXT_FILE.test(file.name)) return { fileName: file.name, text: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

function Summary({ r, verb }: { r: Result; verb: 'will' | 'did' }) {
  const lines = [
    [r.opportunities.created.length, 'new opportunit', 'y', 'ies'],
    [r.contacts.created.length, 'new ', 'person', 'people'],
    [r.contacts.merged.length, 'known ', 'person updated', 'people updated'],
    [r.interviews.created.length, 'new interview', '', 's'],
    [r.interviews.updated.length, 'interview', ' updated', 's updated'],
    [r.interviews.cancelled.length, 'interview', ' cancelled', 's cancelled'],
  ] as const;
  const parts = lines.filter(([n]) => n > 0).map(([n, a, one, many]) => `${n} ${a}${n === 1 ? one : many}`);
  return (
    <p>
      {verb === 'will' ? 'Saving will add' : 'Saved'}: {parts.length ? parts.join(', ') : 'nothing new'}.
    </p>
  );
}

export function ImportPage() {
  const { zone } = useSettings();
  const [file, setFile] = useState<FileBody | null>(null);
  const [pasted, setPasted] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const read = useAction();
  const save = useAction();

  const runPreview = (body: FileBody) =>
    read.run(async () => {
      setResult(null);
      setPreview(null);
      setFile(body);
      setPreview(await request<Preview>('POST', '/api/imports/preview', body));
    });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (chosen) await runPreview(await toBody(chosen));
  };

  return (
    <section>
      <PageTitle title="Import">Import</PageTitle>
      <p>
        A calendar invite (.ics), contact cards (.vcf), a spreadsheet (.csv), a schedule the recruiter sent,
        or a photo of a business card. Nothing is saved until you confirm.
      </p>
      <div className="card">
        <Field label="Choose a file" hint=".ics, .vcf, .csv, .txt, or a photo (.jpg, .png)">
          {(p) => <input {...p} type="file" accept=".ics,.vcf,.csv,.txt,image/*" onChange={onFile} />}
        </Field>
        <Field label="Or paste a schedule" hint="e.g. “10:00–10:45 Priya Raman, Engineering Manager”">
          {(p) => <textarea {...p} rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />}
        </Field>
        <button
          type="button"
          disabled={read.busy || !pasted.trim()}
          onClick={() => runPreview({ fileName: 'schedule.txt', text: pasted })}
        >
          Read the schedule
        </button>
        {read.busy && <p aria-live="polite">Reading…</p>}
        <ErrorNote error={read.error} />
      </div>

      {preview && file && (
        <section aria-labelledby="understood-heading" className="card">
          <h2 id="understood-heading">What Afterview understood</h2>
          {preview.understood.opportunities.length > 0 && (
            <>
              <h3>Opportunities</h3>
              <ul>
                {preview.understood.opportunities.map((o) => (
                  <li key={o.key}>
                    {o.company}
                    {o.role ? ` — ${o.role}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.understood.interviews.length > 0 && (
            <>
              <h3>Interviews</h3>
              <ul>
                {preview.understood.interviews.map((i) => (
                  <li key={i.key}>
                    {i.round || 'Interview'}, {formatDateTime(i.start, i.timeZone ?? zone)}
                    {i.status === 'cancelled' ? ' (cancelled)' : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.understood.contacts.length > 0 && (
            <>
              <h3>People</h3>
              <ul>
                {preview.understood.contacts.map((c) => (
                  <li key={c.key}>
                    {c.displayName ?? c.nameAsWritten ?? 'Unnamed'}
                    {c.title ? `, ${c.title}` : ''}
                    {c.company ? ` (${c.company})` : ''}
                    {c.emails[0] ? ` — ${c.emails[0]}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.understood.skipped.length > 0 && (
            <>
              <h3>Skipped</h3>
              <ul>
                {preview.understood.skipped.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: skipped lines have no id
                  <li key={i}>
                    {s.line !== undefined ? `Line ${s.line}: ` : ''}
                    {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.understood.warnings.map((w) => (
            <p key={w} className="muted">
              {w}
            </p>
          ))}
          <Summary r={preview.plan} verb="will" />
          <button
            type="button"
            className="primary"
            disabled={save.busy}
            onClick={() =>
              save.run(async () => {
                setResult(
                  await request<Result>('POST', '/api/imports', {
                    bundle: preview.understood,
                    fileName: file.fileName,
                  }),
                );
                setPreview(null);
              })
            }
          >
            Save all of it
          </button>
          <ErrorNote error={save.error} />
        </section>
      )}

      {result && (
        <section aria-labelledby="saved-heading" className="card" aria-live="polite">
          <h2 id="saved-heading">Saved</h2>
          <Summary r={result} verb="did" />
          <ul>
            {result.opportunities.created.concat(result.opportunities.matched).map((o) => (
              <li key={o.id}>
                <Link to={`/opportunities/${o.id}`}>
                  {o.company} — {o.role}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
