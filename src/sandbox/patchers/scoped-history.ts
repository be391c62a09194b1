import type { RouteLevel } from './route-level.js';
import { newEntryId } from './route-state.js';
import { lookNative } from './native-class.js';

/** What the app's `history` tells the history patcher. */
export interface HistoryHooks {
  /** The app wrote its own entry: it must not hear a popstate for it (natively it does not). */
  wrote(): void;
  /** `history.go(0)`: a reload, which restarts the app. */
  reload(): void;
}

/**
 * The `history` an app sees. `pushState`/`replaceState` take URLs at the
 * app's level (`'/43'`, `'?tab=2'`, `'#/43'` for hash routers, or absolute
 * URLs on the app's own origin) and write the page URL with the route
 * prefix, keeping the host's and other apps' state in the entry (see
 * route-state.ts); `state` reads back the app's own state only. URLs on
 * another origin throw a SecurityError as natively. `back`/`forward`/`go`
 * move the page's history, which is the app's. While its route is not
 * shown (a hidden keep-alive app), writes stay with the app and traversal
 * does nothing. `scrollRestoration` is the app's own setting and does not
 * change the host's. It passes `instanceof History`.
 */
export function createScopedHistory(level: RouteLevel, hooks: HistoryHooks): History {
  let scrollRestoration: ScrollRestoration = window.history.scrollRestoration;

  const write = (kind: 'push' | 'replace', method: string, state: unknown, url?: string | URL | null) => {
    const current = level.url();
    let next = current;
    if (url !== undefined && url !== null) {
      try {
        next = new URL(String(url), current);
      } catch {
        throw new DOMException(`Failed to execute '${method}' on 'History': '${String(url)}' is not a valid URL.`, 'SyntaxError');
      }
      if (next.origin !== level.origin) {
        throw new DOMException(
          `Failed to execute '${method}' on 'History': A history state object with URL '${next.href}' cannot be created in a document with origin '${level.origin}'.`,
          'SecurityError',
        );
      }
    }
    const id = kind === 'push' ? newEntryId() : (level.entry()?.id ?? newEntryId());
    // The page's history clones the state; a hidden app's remembered entry is cloned the same way (and fails the same way).
    level.write(kind, next, { id, state: level.active() ? state : structuredClone(state) });
    hooks.wrote();
  };
  const go = (delta = 0) => {
    if (!Number(delta)) return hooks.reload();
    if (level.active()) window.history.go(delta);
  };

  const scoped = Object.create(History.prototype) as History;
  Object.defineProperties(scoped, {
    length: { enumerable: true, get: () => window.history.length },
    state: { enumerable: true, get: () => level.entry()?.state ?? null },
    scrollRestoration: {
      enumerable: true,
      get: () => scrollRestoration,
      set: (value: ScrollRestoration) => {
        if (value === 'auto' || value === 'manual') scrollRestoration = value;
      },
    },
    pushState: {
      enumerable: true,
      value: lookNative((state: unknown, _unused: string, url?: string | URL | null) => write('push', 'pushState', state, url), 'pushState', 2),
    },
    replaceState: {
      enumerable: true,
      value: lookNative((state: unknown, _unused: string, url?: string | URL | null) => write('replace', 'replaceState', state, url), 'replaceState', 2),
    },
    back: { enumerable: true, value: lookNative(() => go(-1), 'back', 0) },
    forward: { enumerable: true, value: lookNative(() => go(1), 'forward', 0) },
    go: { enumerable: true, value: lookNative((delta?: number) => go(delta), 'go', 0) },
  });
  return scoped;
}
