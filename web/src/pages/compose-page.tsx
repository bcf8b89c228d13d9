/**
 * Compose: one note to one person, checked as you type and saved as you type. The URL names the
 * note (recipient, kind, action); the editor below is mounted afresh for each, so changing "To"
 * re-drafts for that person instead of carrying the previous person's words and address along.
 */
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type ContactView } from '../api/client';
import { NoteEditor } from '../components/compose/note-editor';
import { paramsOfTarget, targetFromParams, targetKey } from '../components/compose/target';
import { forTheWebApp } from '../components/compose/web-errors';
import { ErrorNote, Loading, PageTitle } from '../components/notes';

export function ComposePage() {
  const [params, setParams] = useSearchParams();
  const target = useMemo(() => targetFromParams(params), [params]);
  const [people, setPeople] = useState<Map<string, ContactView> | null>(null);
  const [choices, setChoices] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  // The people, and who may be picked in "To": the interview's interviewers, else everyone.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [{ people: all }, interview] = await Promise.all([
          api.people(),
          target.interviewId ? api.interview(target.interviewId) : null,
        ]);
        if (cancelled) return;
        const interviewers = interview?.participants
          .filter((p) => p.role === 'interviewer')
          .map((p) => p.contactId);
        const ids = interviewers ?? all.map((p) => p.id);
        // The person the note is for is always a choice (a recruiter opened from Today, say).
        if (target.contactId && !ids.includes(target.contactId)) ids.unshift(target.contactId);
        setPeople(new Map(all.map((p) => [p.id, p])));
        setChoices(ids);
        // Opened for an interview without naming anyone: the first interviewer still waiting
        // for their thank-you, else the first one.
        if (!target.contactId && !target.messageId && interviewers?.[0]) {
          const open = new Set(
            (await api.today().catch(() => ({ actions: [] }))).actions
              .filter((a) => a.rule === 'thank-you' && a.interviewId === target.interviewId)
              .map((a) => a.contactId),
          );
          if (cancelled) return;
          const first = interviewers.find((id) => open.has(id)) ?? interviewers[0];
          setParams(paramsOfTarget({ ...targetFromParams(params), contactId: first, actionKey: null }), {
            replace: true,
          });
        }
      } catch (err) {
        if (!cancelled) setLoadError(forTheWebApp(err));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [target.interviewId, target.contactId, target.messageId, params, setParams]);

  if (loadError) {
    return (
      <section>
        <PageTitle title="Compose">Write a note</PageTitle>
        <ErrorNote error={loadError} />
      </section>
    );
  }
  if (!people) return <Loading what="the note" />;
  if (target.messageId === null && !target.contactId && target.interviewId)
    return <Loading what="the note" />;
  return (
    <NoteEditor
      key={targetKey(target)}
      target={target}
      people={people}
      choices={choices}
      onTarget={(next) => setParams(paramsOfTarget(next))}
      onPersonSaved={(p) => setPeople((prev) => new Map(prev ?? []).set(p.id, p))}
    />
  );
}
