/** Settings: zone, holidays, own addresses, the playbook's numbers, the calendar feed URL, and (hosted) account and sessions. */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api, type SettingsView, type TemplateView } from '../api/client';
import { AccountSecuritySection } from '../components/account-security';
import { CoachSection } from '../components/coach-section';
import { Field } from '../components/field';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useSettings } from '../components/settings-context';
import { useAction, useLoad } from '../components/use-load';

/** The playbook numbers the form offers, by their path in the playbook file. */
const NUMBERS: Array<[path: string, label: string]> = [
  ['debrief.withinHours', 'Debrief within (hours after the interview)'],
  ['thankYou.withinHours', 'Thank-you notes within (hours after the interview)'],
  ['collectContact.afterWithinHours', 'Collect missing contact details within (hours)'],
  ['checkIn.afterDecisionBusinessDays', 'Check in this many business days after their decision date'],
  ['checkIn.checkInAfter', 'Without a decision date, check in after (business days)'],
  ['checkIn.minGap', 'Never check in sooner than (business days since your last message)'],
  ['checkIn.maxCheckIns', 'Unanswered check-ins before it counts as gone quiet'],
  ['thanksForConsideration.withinBusinessDays', 'Thanks for the consideration within (business days)'],
  ['reconnect.afterDays', 'Reconnect after a rejection (days)'],
];

const read = (obj: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );

function withValue(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!head) return obj;
  if (rest.length === 0) return { ...obj, [head]: value };
  const inner = obj[head] && typeof obj[head] === 'object' ? (obj[head] as Record<string, unknown>) : {};
  return { ...obj, [head]: withValue(inner, rest.join('.'), value) };
}

function FeedSection({ settings, onChange }: { settings: SettingsView; onChange: () => Promise<void> }) {
  const act = useAction();
  const url = settings.feedPath ? `${window.location.origin}${settings.feedPath}` : null;
  return (
    <section aria-labelledby="feed-heading" className="card">
      <h2 id="feed-heading">Calendar feed</h2>
      <p>
        Subscribe to this private address from a calendar app on this computer — Apple Calendar, Outlook or
        Thunderbird on the desktop — to see every deadline there, kept up to date. Anyone with the address can
        read it: keep it to yourself, and make a new one if it leaks.
      </p>
      <p>
        Google Calendar (and any calendar on the web or on your phone) cannot subscribe: it fetches feeds from
        Google's servers, which cannot reach Afterview on this machine. Download the actions as a file instead
        and import it; it is a snapshot, so download it again when your plan changes.
      </p>
      <p>
        <a className="button" href="/api/calendar/actions.ics" download="afterview-actions.ics">
          Download the upcoming actions (.ics)
        </a>
      </p>
      {url ? (
        <>
          <Field label="Your private calendar address">
            {(p) => <input {...p} readOnly value={url} onFocus={(e) => e.target.select()} />}
          </Field>
          <div className="row">
            <button
              type="button"
              disabled={act.busy}
              onClick={() =>
                act.run(async () => {
                  await api.createFeed();
                  await onChange();
                })
              }
            >
              Make a new address (the old one stops working)
            </button>
            <button
              type="button"
              className="quiet"
              disabled={act.busy}
              onClick={() =>
                act.run(async () => {
                  await api.revokeFeed();
                  await onChange();
                })
              }
            >
              Turn the feed off
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          disabled={act.busy}
          onClick={() =>
            act.run(async () => {
              await api.createFeed();
              await onChange();
            })
          }
        >
          Create my calendar address
        </button>
      )}
      <ErrorNote error={act.error} />
    </section>
  );
}

const TEMPLATE_TITLES: Record<string, string> = {
  'thank-you': 'Thank-you note',
  'check-in': 'Check-in',
  'thanks-for-consideration': 'Thanks for the consideration',
  reconnect: 'Reconnect',
};

function TemplateEditor({ template, onChange }: { template: TemplateView; onChange: () => Promise<void> }) {
  const [text, setText] = useState(template.text);
  const [saved, setSaved] = useState(false);
  const act = useAction();
  const title = TEMPLATE_TITLES[template.name] ?? template.name;
  return (
    <details className="card">
      <summary>
        {title} {template.custom ? '(your version)' : '(default)'}
      </summary>
      <Field label={`${title} template`} hint="LiquidJS; a first line “Subject: …” sets the subject.">
        {(p) => (
          <textarea
            {...p}
            rows={10}
            value={text}
            onChange={(e) => {
              setSaved(false);
              setText(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="row">
        <button
          type="button"
          disabled={act.busy}
          onClick={() =>
            act.run(async () => {
              await api.saveTemplate(template.name, text);
              setSaved(true);
              await onChange();
            })
          }
        >
          Save template<span className="visually-hidden">: {title}</span>
        </button>
        {template.custom && (
          <button
            type="button"
            className="quiet"
            disabled={act.busy}
            onClick={() =>
              act.run(async () => {
                const back = await api.resetTemplate(template.name);
                setText(back.text);
                await onChange();
              })
            }
          >
            Back to the default<span className="visually-hidden">: {title}</span>
          </button>
        )}
        {saved && <span role="status">Saved.</span>}
      </div>
      <ErrorNote error={act.error} />
    </details>
  );
}

function MailSection() {
  const mail = useLoad(() => api.mailSettings(), []);
  const [smtp, setSmtp] = useState('');
  const [imap, setImap] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [results, setResults] = useState<Array<{ protocol: string; ok: boolean; message: string }>>([]);
  const act = useAction();
  const m = mail.data;
  const fromValue = from ?? m?.fromAddress ?? '';
  return (
    <section aria-labelledby="mail-heading" className="card">
      <h2 id="mail-heading">Email</h2>
      <p className="muted">
        Optional. Connect your mailbox to send notes from Afterview and to notice replies. Passwords are
        stored encrypted and never shown again. Without it: copy, open in your mail app, then mark as sent.
      </p>
      <ErrorNote error={mail.error} />
      {m && (
        <ul className="plain">
          <li>
            Sending (SMTP):{' '}
            {m.smtpUrl ? `${m.smtpUrl}${m.smtpPasswordSet ? ' (password saved)' : ''}` : 'not connected'}
          </li>
          <li>
            Replies (IMAP):{' '}
            {m.imapUrl ? `${m.imapUrl}${m.imapPasswordSet ? ' (password saved)' : ''}` : 'not connected'}
          </li>
        </ul>
      )}
      <Field label="Sending server URL" hint="e.g. smtps://you%40example.com:app-password@smtp.example.com">
        {(p) => <input {...p} value={smtp} onChange={(e) => setSmtp(e.target.value)} autoComplete="off" />}
      </Field>
      <Field
        label="Reply detection server URL"
        hint="e.g. imaps://you%40example.com:app-password@imap.example.com"
      >
        {(p) => <input {...p} value={imap} onChange={(e) => setImap(e.target.value)} autoComplete="off" />}
      </Field>
      <Field label="Send as (email address)">
        {(p) => <input {...p} type="email" value={fromValue} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <div className="row">
        <button
          type="button"
          disabled={act.busy}
          onClick={() =>
            act.run(async () => {
              // Who mail is from first: the server refuses a sending server with no sender.
              if (from?.trim()) await api.setMailIdentity({ fromAddress: from.trim() });
              if (smtp.trim()) await api.setMailServer('smtp', smtp.trim());
              if (imap.trim()) await api.setMailServer('imap', imap.trim());
              setSmtp('');
              setImap('');
              await mail.reload();
            })
          }
        >
          Save email settings
        </button>
        <button
          type="button"
          disabled={act.busy || !(m?.smtpUrl || m?.imapUrl)}
          onClick={() => act.run(async () => setResults((await api.testMail()).results))}
        >
          Test the connection
        </button>
        {m?.smtpUrl && (
          <button
            type="button"
            className="quiet"
            disabled={act.busy}
            onClick={() =>
              act.run(async () => {
                await api.setMailServer('smtp', null);
                await api.setMailServer('imap', null);
                await mail.reload();
              })
            }
          >
            Disconnect
          </button>
        )}
      </div>
      <ErrorNote error={act.error} />
      {results.length > 0 && (
        <ul className="plain" aria-live="polite">
          {results.map((r) => (
            <li key={r.protocol} className={r.ok ? 'ok-note' : 'error-note'}>
              {r.protocol.toUpperCase()}: {r.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TemplatesSection() {
  const list = useLoad(() => api.templates(), []);
  return (
    <section aria-labelledby="templates-heading" className="card">
      <h2 id="templates-heading">Note templates</h2>
      <p className="muted">
        Drafts start from these, filled in with your debrief. Your versions are kept in your data folder.
      </p>
      <ErrorNote error={list.error} />
      {list.data?.templates.map((t) => (
        <TemplateEditor key={`${t.name}-${t.custom}`} template={t} onChange={list.reload} />
      ))}
    </section>
  );
}

export function SettingsPage() {
  const { settings, hosted, reload } = useSettings();
  const [form, setForm] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!settings) return;
    setForm({
      timeZone: settings.timeZone,
      holidayRegion: settings.holidayRegion ?? '',
      ownEmails: settings.ownEmails.join('\n'),
      displayName: settings.displayName ?? '',
      signature: settings.signature ?? '',
      // '' follows the time zone's region; a value is the user's choice.
      locale: settings.localeChosen ? settings.locale : '',
      ...Object.fromEntries(NUMBERS.map(([path]) => [path, String(read(settings.playbook, path) ?? '')])),
    });
  }, [settings]);

  if (!settings || !form) return <Loading what="settings" />;
  const set = (k: string) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [k]: e.target.value });
  };
  const fe = (field: string) => (error instanceof ApiError && error.field === field ? error.message : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      let overrides = { ...settings.playbookOverrides };
      for (const [path] of NUMBERS) {
        const text = form[path] ?? '';
        const current = read(settings.playbook, path);
        const value = text.trim() === '' ? Number.NaN : Number(text);
        if (value !== current) overrides = withValue(overrides, path, Number.isNaN(value) ? text : value);
      }
      await api.updateSettings({
        timeZone: form.timeZone ?? '',
        holidayRegion: form.holidayRegion?.trim() ? form.holidayRegion.trim() : null,
        ownEmails: (form.ownEmails ?? '')
          .split(/[\n,]/)
          .map((s) => s.trim())
          .filter(Boolean),
        displayName: form.displayName?.trim() ? form.displayName.trim() : null,
        signature: form.signature ? form.signature : null,
        locale: form.locale === 'en-GB' || form.locale === 'en-US' ? form.locale : null,
        playbookOverrides: overrides,
      });
      await reload();
      setSaved(true);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const knownFields = new Set([
    'timeZone',
    'holidayRegion',
    'displayName',
    'signature',
    'locale',
    ...NUMBERS.map(([p]) => p),
  ]);
  const ownEmailsError =
    error instanceof ApiError && error.field?.startsWith('ownEmails') ? error.message : null;
  const otherError =
    error &&
    !(
      error instanceof ApiError &&
      (knownFields.has(error.field ?? '') || error.field?.startsWith('ownEmails'))
    )
      ? error.message
      : null;

  return (
    <section>
      <PageTitle title="Settings">Settings</PageTitle>
      <form className="form" onSubmit={submit} noValidate>
        <section aria-labelledby="you-heading" className="card">
          <h2 id="you-heading">You</h2>
          <Field
            label="Time zone"
            hint="An IANA name such as Europe/Berlin or America/Los_Angeles"
            error={fe('timeZone')}
          >
            {(p) => <input {...p} value={form.timeZone} onChange={set('timeZone')} />}
          </Field>
          <Field
            label="Public holidays of"
            hint="A region code such as US, US-CA, GB-ENG or DE-BY; empty for weekends only"
            error={fe('holidayRegion')}
          >
            {(p) => <input {...p} value={form.holidayRegion} onChange={set('holidayRegion')} />}
          </Field>
          <Field
            label="Your own email addresses"
            hint="One per line; used to recognise you among invite attendees"
            error={ownEmailsError}
          >
            {(p) => <textarea {...p} rows={2} value={form.ownEmails} onChange={set('ownEmails')} />}
          </Field>
          <Field label="Your name" error={fe('displayName')}>
            {(p) => (
              <input {...p} value={form.displayName} onChange={set('displayName')} autoComplete="name" />
            )}
          </Field>
          <Field label="Signature for drafts" error={fe('signature')}>
            {(p) => <textarea {...p} rows={3} value={form.signature} onChange={set('signature')} />}
          </Field>
          <Field
            label="English"
            hint="How notes and this app write dates, and which spelling the checker expects"
            error={fe('locale')}
          >
            {(p) => (
              <select {...p} value={form.locale} onChange={set('locale')}>
                <option value="">
                  Follow my time zone (now {settings.locale === 'en-GB' ? 'British' : 'American'})
                </option>
                <option value="en-US">American: Wednesday, December 2</option>
                <option value="en-GB">British: Wednesday 2 December</option>
              </select>
            )}
          </Field>
        </section>
        <section aria-labelledby="playbook-heading" className="card">
          <h2 id="playbook-heading">Playbook</h2>
          <p className="muted">
            The numbers behind every suggestion. The same rules apply as in a playbook file.
          </p>
          {NUMBERS.map(([path, label]) => (
            <Field key={path} label={label} error={fe(path)}>
              {(p) => <input {...p} inputMode="decimal" value={form[path]} onChange={set(path)} />}
            </Field>
          ))}
        </section>
        <ErrorNote error={otherError} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Save settings
          </button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
      <FeedSection settings={settings} onChange={reload} />
      <MailSection />
      <TemplatesSection />
      {/* Hosted mode only: local mode has no accounts or coaches (nor their routes). */}
      {hosted && <CoachSection />}
      {hosted && <AccountSecuritySection />}
    </section>
  );
}
