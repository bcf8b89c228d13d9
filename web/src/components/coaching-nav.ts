/**
 * Whether the signed-in user coaches anyone: the nav shows "Coaching" only then. Only a hosted
 * server is asked: local mode has no coaches (and no such route, so asking would log a 404 on
 * every page). Pages that change the answer (accepting an invitation, stopping) announce it with
 * `coachingChanged()`.
 */
import { useEffect, useState } from 'react';
import { coachingApi } from '../api/client';

const EVENT = 'afterview:coaching-changed';

export function coachingChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function useCoachesSomeone(hosted: boolean): boolean {
  const [yes, setYes] = useState(false);
  useEffect(() => {
    if (!hosted) return;
    const check = () => {
      coachingApi.me().then(
        (r) => setYes(r.coachesSomeone),
        () => setYes(false),
      );
    };
    check();
    window.addEventListener(EVENT, check);
    return () => window.removeEventListener(EVENT, check);
  }, [hosted]);
  return yes;
}
