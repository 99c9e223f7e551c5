/**
 * Enterprise names for the rows on screen. The session holds park and member names but not
 * thousands of enterprises, so each one shown is looked up once and kept for the visit.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';

/** null: looked up, but not readable (archived or outside what the member may see). */
const known = new Map<string, string | null>();
const asked = new Map<string, Promise<void>>();
/** A handful at a time, so a full page of new names does not queue 50 requests at once. */
const PARALLEL = 6;

function lookUp(id: string): Promise<void> {
  let pending = asked.get(id);
  if (!pending) {
    pending = api<{ name: string }>('GET', `/api/enterprises/${encodeURIComponent(id)}`).then(
      (e) => void known.set(id, e.name),
      () => void known.set(id, null),
    );
    asked.set(id, pending);
  }
  return pending;
}

export function useEnterpriseNames(ids: readonly (string | null)[]): ReadonlyMap<string, string | null> {
  const [, setVersion] = useState(0);
  const missing = [...new Set(ids.filter((id): id is string => id !== null && !known.has(id)))];
  const wanted = missing.join(',');
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    void (async () => {
      for (let i = 0; i < missing.length; i += PARALLEL) {
        await Promise.all(missing.slice(i, i + PARALLEL).map(lookUp));
        if (live) setVersion((v) => v + 1);
      }
    })();
    return () => {
      live = false;
    };
    // `wanted` stands for the missing ids.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);
  return known;
}
