/**
 * How apps share the page's one history. Every entry Portico writes keeps
 * the host's own state object (a host vue-router or react-router finds its
 * `position`/`idx` where it left them) and adds, under one key, each app's
 * state with an entry id:
 *
 *   { ...hostState, __portico__: { orders: { id: 'k2x9', state: {...} }, 'orders>detail': {...} } }
 *
 * so an app reads back only its own state, and a traversal that crosses
 * another app's entries is told apart from one that crosses its own.
 */
const KEY = '__portico__';

/** One app's part of a history entry. */
export interface RouteEntry {
  /** Identifies the entry the app itself pushed; carried unchanged into entries others push. */
  readonly id: string;
  /** What the app passed to pushState/replaceState. */
  readonly state: unknown;
}

type Entries = Record<string, RouteEntry>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A fresh entry id: random, so ids stay distinct across page reloads that keep the history. */
export function newEntryId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** The app's part of the current history entry, if any. */
export function readEntry(key: string): RouteEntry | null {
  const state: unknown = history.state;
  const apps = isRecord(state) ? state[KEY] : undefined;
  const entry = isRecord(apps) ? apps[key] : undefined;
  return isRecord(entry) && typeof entry.id === 'string' ? (entry as unknown as RouteEntry) : null;
}

/**
 * Pushes or replaces a real history entry for the page URL `url`, keeping
 * the host's state and every app's part, with `changes` applied (null
 * removes an app's part). Throws what `history.pushState` throws
 * (DataCloneError for a state that cannot be cloned).
 */
export function writePage(kind: 'push' | 'replace', url: URL, changes: Record<string, RouteEntry | null>): void {
  const current: unknown = history.state;
  // A host state that is not an object (rare) cannot carry ours alongside; it is kept only when nothing is added.
  const host = isRecord(current) ? current : {};
  const apps: Entries = { ...(isRecord(host[KEY]) ? (host[KEY] as Entries) : {}) };
  for (const [key, entry] of Object.entries(changes)) {
    if (entry) apps[key] = entry;
    else delete apps[key];
  }
  const before = location.href;
  const next = Object.keys(apps).length || isRecord(current) ? { ...host, [KEY]: apps } : current;
  if (kind === 'push') history.pushState(next, '', url.href);
  else history.replaceState(next, '', url.href);
  notifyHost(before);
}

let pendingFrom: string | null = null;

/**
 * Tells the host's router that Portico moved the URL, the way every router
 * listens for it: one `popstate` on the real window, after the current task's
 * writes (a router's replace-then-push is one change), and only if the URL
 * really changed. Without it a host vue-router would keep its old route and
 * treat the next push to it as a duplicate.
 *
 * The event's `state` is null, as for an entry the router did not write: a
 * host vue-router then re-records the entry with its own fields (its
 * `current` would otherwise be the one copied from the previous entry, and
 * its next push would rewrite this entry's URL with it), keeping ours, which
 * it spreads in; react-router reads `history.state` itself and finds its
 * copied index, so it counts no step. Apps never receive this event as their
 * own: their listeners are Portico's.
 */
function notifyHost(before: string): void {
  if (pendingFrom !== null) return;
  pendingFrom = before;
  queueMicrotask(() => {
    const from = pendingFrom;
    pendingFrom = null;
    if (location.href !== from) window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  });
}

/** Options of {@link navigatePage}. */
export interface NavigateOptions {
  /** Replace the current entry instead of adding one. */
  replace?: boolean;
}

/**
 * Moves the page to `url` (resolved against the page URL) without loading
 * it: the host's router and every app whose URL changes hear about it. A URL
 * on another origin is a real navigation.
 */
export function navigatePage(url: string | URL, options: NavigateOptions = {}): void {
  const target = new URL(url, location.href);
  if (target.origin !== location.origin) {
    location[options.replace ? 'replace' : 'assign'](target.href);
    return;
  }
  writePage(options.replace || target.href === location.href ? 'replace' : 'push', target, {});
}
