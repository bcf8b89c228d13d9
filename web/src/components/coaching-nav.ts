/**
 * Whether the signed-in user coaches anyone: the nav shows "Coaching" only then. Local mode
 * answers 404 (no coaches there), which reads as "no". Pages that change the answer (accepting an
 * invitation, stopping) announce it with `coachingChanged()`.
 */
import { useEffect, useState } from 'react';
import { coachingApi } from '../api/client';

const EVENT = 'afterview:coaching-changed';

export function coachingChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function useCoachesSomeone(): boolean {
  const [yes, setYes] = useState(false);
  useEffect(() => {
    const check = () => {
      coachingApi.me().then(
        (r) => setYes(r.coachesSomeone),
        () => setYes(false),
      );
    };
    check();
    window.addEventListener(EVENT, check);
    return () => window.removeEventListener(EVENT, check);
  }, []);
  return yes;
}
