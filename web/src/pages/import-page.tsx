/**
 * Import: a calendar invite (.ics), contact cards (.vcf), a CSV, a pasted schedule or a photo of
 * a business card. Afterview reads it, shows what it understood and what saving would do, lets
 * the user correct a card's fields or a CSV's columns, and saves only when they confirm (all of
 * it or nothing). `/import?opportunity=ID&interview=ID&mode=card` is the interview's "scan a
 * business card" button: the person read from the card joins that interview.
 */
import { type ChangeEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { skippedSentence } from '../../../src/core/capture/bundle';
import type { importPreviewView, importResultView } from '../../../src/features/imports/import.schemas';
import { api, request } from '../api/client';
import { type CapturedContact, CardFieldsEditor } from '../components/card-fields';
import { type ColumnMapping, CsvMappingEditor } from '../components/csv-mapping';
import { Field } from '../components/field';
import { ImportProgress } from '../components/import-progress';
import { ErrorNote, PageTitle } from '../components/notes';
import { useSettings } from '../components/settings-context';
import { useAction, useLoad } from '../components/use-load';
import { formatDateTime } from '../format';

type Preview = z.infer<typeof importPreviewView>;
type Bundle = Preview['understood'];
type Result = z.infer<typeof importResultView>;
type FileBody = { fileName: string; text?: string; contentBase64?: string; csvMapping?: ColumnMapping };
/** Which control started the current preview: its error is shown next to it. */
type Origin = 'file' | 'card' | 'paste';

const TEXT_FILE = /\.(ics|vcf|csv|txt|tsv)$/i;

async function toBody(file: File): Promise<FileBody> {
  if (TEXT_FILE.test(file.name)) return { fileName: file.name, text: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  // A phone camera may hand over a name without an extension: the reader picks by extension.
  const fileName = /\.[a-z0-9]+$/i.test(file.name) ? file.name : `${file.name || 'card'}.jpg`;
  return { fileName, contentBase64: btoa(binary) };
}

/** Trim what the user typed into a card's fields, as the server expects it. */
function tidy(bundle: Bundle): Bundle {
  const list = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  return {
    ...bundle,
    contacts: bundle.contacts.map((c) => ({
      ...c,
      displayName: c.displayName?.trim() || null,
      nameAsWritten: c.nameAsWritten?.trim() || null,
      title: c.title?.trim() || null,
      company: c.company?.trim() || null,
      emails: list(c.emails),
      phones: list(c.phones),
      links: list(c.links),
    })),
  };
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
  const parts = lines
    .filter(([n]) => n > 0)
    .map(([n, a, one, many]) => `${n.toLocaleString()} ${a}${n === 1 ? one : many}`);
  return (
    <p>
      {verb === 'will' ? 'Saving will add' : 'Saved'}: {parts.length ? parts.join(', ') : 'nothing new'}.
    </p>
  );
}

/**
 * Rows of each kind listed in a preview: a 5,000-row CSV listed in full made the page 638,000 px
 * tall at 375 px. What was skipped is always listed in full: those are the rows to fix.
 */
export const PREVIEW_ROWS = 50;

function More({ total }: { total: number }) {
  return total > PREVIEW_ROWS ? (
    <p className="muted">and {(total - PREVIEW_ROWS).toLocaleString()} more</p>
  ) : null;
}

function Understood({ bundle, zone }: { bundle: Bundle; zone: string }) {
  return (
    <>
      {bundle.opportunities.length > 0 && (
        <>
          <h3>Opportunities</h3>
          <ul>
            {bundle.opportunities.slice(0, PREVIEW_ROWS).map((o) => (
              <li key={o.key}>
                {o.company}
                {o.role ? ` — ${o.role}` : ''}
              </li>
            ))}
          </ul>
          <More total={bundle.opportunities.length} />
        </>
      )}
      {bundle.interviews.length > 0 && (
        <>
          <h3>Interviews</h3>
          <ul>
            {bundle.interviews.slice(0, PREVIEW_ROWS).map((i) => (
              <li key={i.key}>
                {i.round || 'Interview'}, {formatDateTime(i.start, i.timeZone ?? zone)}
                {i.status === 'cancelled' ? ' (cancelled)' : ''}
              </li>
            ))}
          </ul>
          <More total={bundle.interviews.length} />
        </>
      )}
      {bundle.contacts.length > 0 && (
        <>
          <h3>People</h3>
          <ul>
            {bundle.contacts.slice(0, PREVIEW_ROWS).map((c) => (
              <li key={c.key}>
                {c.displayName ?? c.nameAsWritten ?? 'Unnamed'}
                {c.title ? `, ${c.title}` : ''}
                {c.company ? ` (${c.company})` : ''}
                {c.emails[0] ? ` — ${c.emails[0]}` : ''}
              </li>
            ))}
          </ul>
          <More total={bundle.contacts.length} />
        </>
      )}
      {bundle.skipped.length > 0 && (
        <>
          <h3>Skipped</h3>
          <ul>
            {bundle.skipped.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: skipped lines have no id
              <li key={i}>{skippedSentence(s)}</li>
            ))}
          </ul>
        </>
      )}
      {bundle.warnings.map((w) => (
        <p key={w} className="muted">
          {w}
        </p>
      ))}
    </>
  );
}

export function ImportPage() {
  const { zone } = useSettings();
  const [params] = useSearchParams();
  const cardMode = params.get('mode') === 'card';
  const interviewId = params.get('interview');
  const [opportunityId, setOpportunityId] = useState(params.get('opportunity') ?? '');
  const opportunities = useLoad(() => api.opportunities(), []);
  const [file, setFile] = useState<FileBody | null>(null);
  const [origin, setOrigin] = useState<Origin>('file');
  const [pasted, setPasted] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const read = useAction();
  const save = useAction();

  const runPreview = (from: Origin, body: Promise<FileBody>, label: string) => {
    setOrigin(from);
    return read.run(async () => {
      setBusy('Reading the file…');
      try {
        setResult(null);
        setPreview(null);
        setBundle(null);
        const ready = await body;
        setFile(ready);
        setBusy(label);
        const p = await request<Preview>('POST', '/api/imports/preview', ready);
        setPreview(p);
        setBundle(p.understood);
        setMapping(p.csv ? p.csv.mapping : null);
      } finally {
        setBusy(null);
      }
    });
  };

  const onFile = (from: Origin) => async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    const image = chosen.type.startsWith('image/') || from === 'card';
    await runPreview(
      from,
      toBody(chosen),
      image ? 'Reading the card (this takes a few seconds)…' : 'Reading the file…',
    );
  };

  const rereadCsv = () => {
    if (!file || !mapping) return;
    void runPreview('file', Promise.resolve({ ...file, csvMapping: mapping }), 'Reading the columns again…');
  };

  const confirm = () =>
    save.run(async () => {
      if (!bundle || !file) return;
      setBusy('Saving…');
      try {
        // A card scanned from an interview's button: the person met there joins that interview,
        // in the same transaction as the import.
        const saved = await request<Result>('POST', '/api/imports', {
          bundle: tidy(bundle),
          fileName: file.fileName,
          ...(opportunityId && { opportunityId }),
          ...(interviewId && bundle.source === 'card' && { interviewId }),
        });
        setResult(saved);
        setPreview(null);
        setBundle(null);
      } finally {
        setBusy(null);
      }
    });

  const setContact = (index: number, next: CapturedContact) =>
    setBundle((b) => (b ? { ...b, contacts: b.contacts.map((c, i) => (i === index ? next : c)) } : b));

  const errorFor = (from: Origin) => (origin === from ? read.error : null);
  const chosenOpportunity = opportunities.data?.opportunities.find((o) => o.id === opportunityId);

  const cardControl = (
    <div className="card">
      <h2>A business card</h2>
      <Field
        label="Scan a business card"
        hint="Take a photo with your phone's camera, or choose a picture of the card."
        error={errorFor('card')}
      >
        {(p) => (
          <input
            {...p}
            type="file"
            accept="image/*"
            capture="environment"
            disabled={read.busy}
            onChange={onFile('card')}
          />
        )}
      </Field>
    </div>
  );

  return (
    <section>
      <PageTitle title="Import">Import</PageTitle>
      <p>
        A calendar invite (.ics), contact cards (.vcf), a spreadsheet (.csv), a schedule the recruiter sent,
        or a photo of a business card. Nothing is saved until you confirm.
      </p>
      <div className="card">
        <Field
          label="Attach to"
          hint="Without a choice, Afterview matches the company or email domain, or adds a new opportunity."
        >
          {(p) => (
            <select {...p} value={opportunityId} onChange={(e) => setOpportunityId(e.target.value)}>
              <option value="">Match by company</option>
              {opportunities.data?.opportunities.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.company} — {o.role}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ErrorNote error={opportunities.error} />
      </div>
      {cardMode && cardControl}
      <div className="card">
        <h2>A file</h2>
        <Field
          label="Choose a file"
          hint=".ics, .vcf, .csv, .txt, or a photo (.jpg, .png)"
          error={errorFor('file')}
        >
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".ics,.vcf,.csv,.txt,image/*"
              disabled={read.busy}
              onChange={onFile('file')}
            />
          )}
        </Field>
      </div>
      <div className="card">
        <h2>A schedule email</h2>
        <Field
          label="Paste the recruiter's schedule"
          hint="e.g. “10:00 AM - 10:45 AM  Priya Raman, Engineering Manager”, with the day and the signature"
          error={errorFor('paste')}
        >
          {(p) => <textarea {...p} rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} />}
        </Field>
        <button
          type="button"
          disabled={read.busy || !pasted.trim()}
          onClick={() =>
            runPreview(
              'paste',
              Promise.resolve({ fileName: 'schedule.txt', text: pasted }),
              'Reading the schedule…',
            )
          }
        >
          Read the schedule
        </button>
      </div>
      {!cardMode && cardControl}

      <ImportProgress label={busy} />

      {preview && bundle && file && (
        <section aria-labelledby="understood-heading" className="card">
          <h2 id="understood-heading">What Afterview understood</h2>
          {preview.kind === 'card' && (
            <>
              <p>Check what was read from the card and correct it before saving.</p>
              {bundle.contacts.length === 0 && (
                <p>No name, email or phone could be read from this photo; try a sharper, flatter one.</p>
              )}
              {bundle.contacts.map((c, i) => (
                <CardFieldsEditor
                  key={c.key}
                  contact={c}
                  heading={bundle.contacts.length > 1 ? `Person ${i + 1} on the card` : 'From the card'}
                  onChange={(next) => setContact(i, next)}
                />
              ))}
            </>
          )}
          {preview.csv && mapping && (
            <>
              <p>
                Afterview guessed which column is which; change any that are wrong and read the file again.
              </p>
              <CsvMappingEditor headers={preview.csv.headers} mapping={mapping} onChange={setMapping} />
              <button type="button" disabled={read.busy} onClick={rereadCsv}>
                Read again with these columns
              </button>
            </>
          )}
          {preview.kind !== 'card' && <Understood bundle={bundle} zone={zone} />}
          <Summary r={preview.plan} verb="will" />
          {chosenOpportunity && (
            <p>
              Attached to {chosenOpportunity.company} — {chosenOpportunity.role}.
            </p>
          )}
          <button type="button" className="primary" disabled={save.busy || read.busy} onClick={confirm}>
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
            {chosenOpportunity &&
              !result.opportunities.created
                .concat(result.opportunities.matched)
                .some((o) => o.id === opportunityId) && (
                <li>
                  <Link to={`/opportunities/${chosenOpportunity.id}`}>
                    {chosenOpportunity.company} — {chosenOpportunity.role}
                  </Link>
                </li>
              )}
          </ul>
        </section>
      )}
    </section>
  );
}
