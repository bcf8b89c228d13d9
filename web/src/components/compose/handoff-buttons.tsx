/**
 * What to do with the note: copy it, open it in the mail app, download it as .eml, mark it as
 * sent, or (with a mail server connected) send it now or later. Every action first saves what is
 * on screen, then acts on that draft, so what leaves is exactly what the user sees, to exactly
 * the person in "To". Errors appear here as sentences, never as a page of JSON.
 */
import { useState } from 'react';
import { ApiError, api, type MessageView } from '../../api/client';
import { useSettings } from '../settings-context';
import { useLoad } from '../use-load';
import { SenderAddress } from './address-fields';
import { downloadEml, emlFileName, openInMailApp } from './handoff';
import type { Text } from './use-draft-autosave';
import { forTheWebApp } from './web-errors';

export function HandoffButtons({
  text,
  recipientName,
  needsAddress,
  blocked,
  override,
  busy,
  saved,
  onRecorded,
  run,
}: {
  text: Text;
  recipientName: string;
  needsAddress: boolean;
  blocked: boolean;
  override: boolean;
  busy: boolean;
  saved: () => Promise<MessageView>;
  onRecorded: (m: MessageView, later?: boolean) => void;
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { settings, reload: reloadSettings } = useSettings();
  const mail = useLoad(() => api.mailSettings(), []);
  const [copied, setCopied] = useState(false);
  const [askSender, setAskSender] = useState(false);
  const [sendAt, setSendAt] = useState('');
  const canSend = Boolean(mail.data?.smtpUrl);
  const hasSender = Boolean(mail.data?.fromAddress || (settings?.ownEmails.length ?? 0) > 0);
  const empty = !text.body.trim();
  const noAddress = needsAddress ? 'needs-address' : undefined;
  // Every way the note leaves Afterview (copied, opened, downloaded, recorded or sent) waits for
  // the same thing: no checker errors, or the user's explicit "Send anyway" (`blocked` is false).
  const why = [blocked ? 'blocked-why' : '', noAddress ?? ''].filter(Boolean).join(' ') || undefined;

  /** Run a click's work; its error is shown below the buttons as a sentence for this page. */
  const act = (fn: () => Promise<unknown>) =>
    run(async () => {
      try {
        await fn();
      } catch (err) {
        throw new Error(forTheWebApp(err));
      }
    });

  const download = () =>
    act(async () => {
      const d = await saved();
      try {
        await downloadEml(d.id, emlFileName(d.subject, recipientName), override);
      } catch (err) {
        // Nobody named as the sender after all: the field to name them appears with the sentence.
        if (err instanceof ApiError && err.field === 'from') setAskSender(true);
        throw err;
      }
      setAskSender(false);
    });

  return (
    <>
      <div className="row actions">
        <button
          type="button"
          disabled={busy || blocked || empty}
          aria-describedby={blocked ? 'blocked-why' : undefined}
          onClick={() =>
            act(async () => {
              await saved();
              await navigator.clipboard.writeText(
                text.subject ? `${text.subject}\n\n${text.body}` : text.body,
              );
              setCopied(true);
            })
          }
        >
          Copy
        </button>
        <button
          type="button"
          disabled={busy || blocked || empty || needsAddress}
          aria-describedby={why}
          onClick={() => act(async () => openInMailApp((await saved()).id, override))}
        >
          Open in mail app
        </button>
        <button
          type="button"
          disabled={busy || blocked || empty || needsAddress}
          aria-describedby={why}
          onClick={() => {
            if (!hasSender) setAskSender(true);
            else void download();
          }}
        >
          Download .eml
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || blocked || empty}
          aria-describedby={blocked ? 'blocked-why' : undefined}
          onClick={() => act(async () => onRecorded(await api.markSent((await saved()).id)))}
        >
          Mark as sent
        </button>
      </div>
      {askSender && (
        <SenderAddress
          ownEmails={settings?.ownEmails ?? []}
          onSaved={async () => {
            await reloadSettings();
            await download();
          }}
        />
      )}
      {copied && (
        <p role="status">Copied. Paste it into your mail app, send it, then come back and mark it as sent.</p>
      )}
      {canSend && (
        <div className="card">
          <h2>Send from {mail.data?.fromAddress ?? 'your mailbox'}</h2>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy || blocked || empty || needsAddress}
              aria-describedby={why}
              onClick={() =>
                act(async () => onRecorded((await api.send((await saved()).id, { force: override })).message))
              }
            >
              Send now
            </button>
          </div>
          <div className="row">
            <label className="compact">
              Send at{' '}
              <input type="datetime-local" value={sendAt} onChange={(e) => setSendAt(e.target.value)} />
            </label>
            <button
              type="button"
              disabled={busy || blocked || empty || needsAddress || !sendAt}
              aria-describedby={why}
              onClick={() =>
                act(async () =>
                  onRecorded(
                    (await api.send((await saved()).id, { at: sendAt, force: override })).message,
                    true,
                  ),
                )
              }
            >
              Schedule
            </button>
          </div>
        </div>
      )}
    </>
  );
}
