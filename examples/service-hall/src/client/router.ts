/**
 * Hash routes (`#/requests/…`): the server serves one page, and a bookmarked or reloaded
 * screen opens where it was.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The path after `#`, e.g. `/requests/0193…`. */
  path: string;
  /** The query after `?` in the hash, e.g. `#/dashboard?month=2026-02`. */
  query: URLSearchParams;
}

function current(): Route {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = hash.split('?', 2);
  return { path, query: new URLSearchParams(query) };
}

/** The route in force, re-rendering on every change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = (): void => setRoute(current());
    addEventListener('hashchange', update);
    // A navigate() during the first render (the shell sending a member to their home) fired its
    // hashchange before this listener existed: catch up with it.
    update();
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Goes to a screen: `navigate('/requests/' + id)`. */
export function navigate(path: string): void {
  location.hash = path;
}

/** An `href` for a screen, for plain links. */
export function href(path: string): string {
  return `#${path}`;
}

/** Matches `pattern` (`/requests/:id`) against `path`; the named parts, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}
