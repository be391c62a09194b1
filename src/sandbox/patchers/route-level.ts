import { readEntry, writePage, type RouteEntry } from './route-state.js';

/**
 * One level of URL scoping. The page is the outermost level; each app is a
 * level under its parent's URL (the page's, or its parent app's when nested),
 * seeing the part of that URL below its route: at page URL
 * `/orders/42?tab=2#notes`, an app routed at `/orders` is at `/42?tab=2#notes`.
 * Search and hash are shared by every level.
 */
export interface RouteLevel {
  /** Where this level's history state is stored in the page's (`''` for the page). */
  readonly key: string;
  /** The origin this level's URLs carry: the app's own, as it would see standalone. */
  readonly origin: string;
  /** The current URL at this level; while the page is outside its route, the last URL it had (or was given). */
  url(): URL;
  /** Whether the page URL is inside this level's route and all its parents'. */
  active(): boolean;
  /** This level's URL for a page URL, or null when the page URL is outside its route. */
  fromPage(url: URL): URL | null;
  /** The page URL for a URL at this level. */
  toPage(url: URL): URL;
  /** This level's state and entry id in the current history entry. */
  entry(): RouteEntry | null;
  /**
   * Adds (`push`) or rewrites (`replace`) a history entry for `url`, with
   * `entry` as this level's state (null: none, as for a fresh navigation).
   * While inactive, the level only remembers it: a hidden app cannot move the page.
   */
  write(kind: 'push' | 'replace', url: URL, entry: RouteEntry | null): void;
}

/** The page itself: its real URL and history. */
export const PAGE: RouteLevel = {
  key: '',
  get origin() {
    return location.origin;
  },
  url: () => new URL(location.href),
  active: () => true,
  fromPage: (url) => url,
  toPage: (url) => url,
  entry: () => null,
  write: (kind, url) => writePage(kind, url, {}),
};

/** `route` as a path prefix: leading slash, percent-encoded, no trailing slash; `''` matches everything. */
export function normalizeRoute(route: string | null | undefined): string {
  const trimmed = route?.trim();
  if (!trimmed) return '';
  return new URL(trimmed.startsWith('/') ? trimmed : `/${trimmed}`, 'http://route.invalid').pathname.replace(/\/+$/, '');
}

/** Whether `pathname` is at or below `prefix` (segment-wise: `/orders` covers `/orders/1`, not `/ordersx`). */
export function inRoute(prefix: string, pathname: string): boolean {
  return !prefix || pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Creates the level of an app routed at `route` under `parent`. */
export function createLevel(parent: RouteLevel, route: string, origin: string, key: string, attached: () => boolean = () => true): RouteLevel {
  const prefix = normalizeRoute(route);
  const fromParent = (url: URL) =>
    inRoute(prefix, url.pathname) ? new URL(`${url.pathname.slice(prefix.length) || '/'}${url.search}${url.hash}`, origin) : null;
  const fromPage = (url: URL) => {
    const above = parent.fromPage(url);
    return above && fromParent(above);
  };
  // What the app keeps seeing while the page is elsewhere (a hidden keep-alive app).
  let last: URL = fromParent(parent.url()) ?? new URL('/', origin);
  let lastEntry: RouteEntry | null = null;
  let cachedFor = '';

  const level: RouteLevel = {
    key,
    origin,
    url() {
      const above = parent.url();
      if (above.href !== cachedFor) {
        const here = fromParent(above);
        if (here) {
          last = here;
          cachedFor = above.href;
        }
      }
      return new URL(last.href);
    },
    active: () => attached() && parent.active() && inRoute(prefix, parent.url().pathname),
    fromPage,
    toPage: (url) => {
      const path = url.pathname === '/' && prefix ? prefix : `${prefix}${url.pathname}`;
      return parent.toPage(new URL(`${path}${url.search}${url.hash}`, parent.origin));
    },
    entry() {
      if (level.active()) lastEntry = readEntry(key);
      return lastEntry;
    },
    write(kind, url, entry) {
      if (!level.active()) {
        last = url;
        cachedFor = '';
        lastEntry = entry;
        return;
      }
      writePage(kind, level.toPage(url), { [key]: entry });
    },
  };
  return level;
}

/** The key of app `name`'s state under `parent` (nested apps: `outer>inner`). */
export function levelKey(parent: RouteLevel, name: string): string {
  return parent.key ? `${parent.key}>${name}` : name;
}

const levels = new WeakMap<Node, RouteLevel>();

/** Records the level of the app whose shadow root is `root`, so `<micro-app>`s inside it nest under it. */
export function registerLevel(root: Node, level: RouteLevel): () => void {
  levels.set(root, level);
  return () => levels.delete(root);
}

/**
 * The level a `<micro-app>` at `node` routes under: the nearest app that
 * contains it (walking out through shadow roots), or the page. Nested apps
 * are created by the host's custom element registry, so this is how an inner
 * `<micro-app route>` learns that its route is relative to its parent app.
 */
export function parentLevelOf(node: Node): RouteLevel {
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    const level = levels.get(root);
    if (level) return level;
  }
  return PAGE;
}
