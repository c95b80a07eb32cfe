// A small History API router: the app has a handful of pages and needs only
// the current location, navigation with state, and links that stay in the app.
import { useSyncExternalStore } from 'react';
import type { MouseEvent } from 'react';

export interface RouterLocation {
  pathname: string;
  search: string;
  /** State stored with this history entry (survives back/forward and reload). */
  state: Readonly<Record<string, unknown>>;
  /** Changes with every navigation, also to the same URL. */
  key: string;
}

interface Entry {
  key: string;
  data: Record<string, unknown>;
}

const listeners = new Set<() => void>();
let current: RouterLocation | null = null;
let sequence = 0;
let navigatedByUser = false;

function entryOf(state: unknown): Entry {
  const s = state as Partial<Entry> | null;
  return {
    key: typeof s?.key === 'string' ? s.key : 'initial',
    data: typeof s?.data === 'object' && s.data !== null ? s.data : {},
  };
}

function read(): RouterLocation {
  const { key, data } = entryOf(window.history.state);
  return { pathname: window.location.pathname, search: window.location.search, state: data, key };
}

function notify(): void {
  current = read();
  for (const listener of listeners) listener();
}

function onPopState(): void {
  navigatedByUser = true;
  notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

// The cached location stays the same object until the URL or the history
// entry changes, as useSyncExternalStore requires.
function snapshot(): RouterLocation {
  const fresh = read();
  if (
    !current ||
    current.pathname !== fresh.pathname ||
    current.search !== fresh.search ||
    current.key !== fresh.key
  ) {
    current = fresh;
  }
  return current;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: Record<string, unknown>;
  /** A redirect that still opens a new page for the user (e.g. after signing in): focus its h1. */
  focusPage?: boolean;
}

/**
 * Goes to `to` (path plus optional query). A replace is a redirect, not a
 * user's step, so it neither adds history nor counts as navigation for focus.
 */
export function navigate(to: string, options: NavigateOptions = {}): void {
  sequence += 1;
  const entry: Entry = { key: `${Date.now().toString(36)}-${sequence}`, data: options.state ?? {} };
  if (options.replace) {
    window.history.replaceState(entry, '', to);
    if (options.focusPage) navigatedByUser = true;
  } else {
    window.history.pushState(entry, '', to);
    navigatedByUser = true;
  }
  notify();
}

/**
 * Changes the stored state of the current entry for later visits (back,
 * reload) without a navigation; the current location object stays as it is.
 */
export function patchHistoryState(patch: Record<string, unknown>): void {
  const entry = entryOf(window.history.state);
  window.history.replaceState({ ...entry, data: { ...entry.data, ...patch } }, '');
}

/** True once the user moved away from the page the app was opened on. */
export function hasNavigated(): boolean {
  return navigatedByUser;
}

export function useLocation(): RouterLocation {
  return useSyncExternalStore(subscribe, snapshot);
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.altKey && !event.ctrlKey && !event.shiftKey;
}

/** Click handler that keeps a same-origin link inside the app. */
export function followInApp(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  if (event.defaultPrevented || !isPlainLeftClick(event) || event.currentTarget.target) return;
  event.preventDefault();
  navigate(href);
}
