/**
 * A tiny hash router: `#/projects/42?status=landed`. Hash routes need no server support, so the
 * API can serve dist/web as plain static files.
 */
import { useSyncExternalStore } from 'react';

export interface Route {
  path: string;
  segments: string[];
  params: URLSearchParams;
}

function currentHash(): string {
  return window.location.hash || '#/';
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const clean = path.startsWith('/') ? path : `/${path}`;
  return {
    path: clean,
    segments: clean.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  };
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash, () => '#/'));
}

/** A hash link target; empty parameters are left out so URLs stay short. */
export function href(path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function navigate(path: string, params: Record<string, string | number | undefined> = {}): void {
  window.location.hash = href(path, params);
  // The hashchange event comes a task later; told now, React renders the new route within the
  // event that navigated, so a controlled input (a filter's checkbox) never shows its old value
  // in between. The hashchange then finds the same hash and renders nothing.
  for (const listener of listeners) listener();
}
