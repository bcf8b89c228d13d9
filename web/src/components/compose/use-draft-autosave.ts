/**
 * Compose saves the note as the user types, as Debrief does: a moment after the typing stops the
 * draft is written to Afterview, and until then (or while offline) the words wait in
 * localStorage, so a closed tab or a dropped connection loses nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type MessageView } from '../../api/client';
import type { ComposeTarget } from './target';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string | null }
  | { kind: 'failed'; message: string };

export interface Text {
  subject: string;
  body: string;
}

const storageKey = (key: string) => `afterview:compose:${key}`;

/** Words typed for this note that Afterview has not confirmed yet, if any. */
export function readPendingText(key: string): Text | null {
  try {
    const raw = localStorage.getItem(storageKey(key));
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && 'subject' in v && 'body' in v) {
      const { subject, body } = v;
      if (typeof subject === 'string' && typeof body === 'string') return { subject, body };
    }
    return null;
  } catch {
    return null;
  }
}

const same = (a: Text, b: Text) => a.subject === b.subject && a.body === b.body;

export function useDraftAutosave(options: {
  target: ComposeTarget;
  storage: string;
  draft: MessageView | null;
  onDraft: (m: MessageView) => void;
}) {
  const { storage } = options;
  // Read at save time: the editor's target is one value for its whole life (it is keyed by it).
  const target = useRef(options.target);
  target.current = options.target;
  const retry = useRef<() => void>(() => {});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const draft = useRef<MessageView | null>(options.draft);
  const latest = useRef<Text | null>(null);
  const saved = useRef<Text | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<MessageView | null>>(Promise.resolve(null));
  const onDraft = useRef(options.onDraft);
  onDraft.current = options.onDraft;

  /** What is on screen now and what Afterview holds (after a load, or after each save). */
  const reset = useCallback((text: Text, from: MessageView | null) => {
    draft.current = from;
    latest.current = text;
    saved.current = from ? { subject: from.subject, body: from.body } : null;
    if (from) setStatus({ kind: 'saved', at: null });
  }, []);

  const saveOnce = useCallback(async (): Promise<MessageView | null> => {
    const text = latest.current;
    if (!text) return draft.current;
    if (saved.current && same(text, saved.current) && draft.current) return draft.current;
    // An empty note that was never saved need not become a draft.
    if (!draft.current && !text.body.trim() && !text.subject.trim()) return null;
    setStatus({ kind: 'saving' });
    try {
      const current = draft.current;
      const m =
        current && current.status === 'draft'
          ? await api.updateDraft(current.id, text)
          : await api.saveDraft({
              kind: target.current.kind,
              contactIds: [target.current.contactId],
              subject: text.subject,
              body: text.body,
              opportunityId: target.current.opportunityId,
              interviewId: target.current.interviewId,
              actionKey: target.current.actionKey,
            });
      draft.current = m;
      saved.current = text;
      onDraft.current(m);
      // Forget the local copy only if nothing was typed while the request was in flight.
      if (latest.current && same(latest.current, text)) {
        localStorage.removeItem(storageKey(storage));
        setStatus({ kind: 'saved', at: new Date().toISOString() });
      } else setStatus({ kind: 'unsaved' });
      return m;
    } catch (err) {
      setStatus({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => retry.current(), 5000);
      throw err;
    }
  }, [storage]);

  /** Save now (one request at a time, in order); resolves to the draft as Afterview has it. */
  const save = useCallback((): Promise<MessageView | null> => {
    window.clearTimeout(timer.current);
    const next = chain.current.catch(() => null).then(saveOnce);
    chain.current = next;
    return next;
  }, [saveOnce]);
  retry.current = () => void save().catch(() => {});

  /** The user typed: keep the words on the device, and save a moment after the typing stops. */
  const changed = useCallback(
    (text: Text) => {
      latest.current = text;
      if (saved.current && same(text, saved.current)) return;
      localStorage.setItem(storageKey(storage), JSON.stringify(text));
      setStatus((s) => (s.kind === 'failed' ? s : { kind: 'unsaved' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save().catch(() => {}), 700);
    },
    [save, storage],
  );

  useEffect(() => {
    const online = () => void save().catch(() => {});
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(timer.current);
    };
  }, [save]);

  const unsaved = status.kind === 'unsaved' || status.kind === 'saving' || status.kind === 'failed';

  // Closing the tab or reloading with words not yet saved: the browser asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return { status, unsaved, changed, save, reset, draft };
}
