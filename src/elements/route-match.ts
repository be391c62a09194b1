import { createLevel, inRoute, levelKey, normalizeRoute, parentLevelOf } from '../sandbox/patchers/route-level.js';
import { writePage, type NavigateOptions } from '../sandbox/patchers/route-state.js';

/**
 * Whether a `<micro-app route>` at `element` is on screen's route now: the
 * page path is at or below `route` (segment-wise), or, for an element inside
 * another app, that app's own path is. No route: always.
 */
export function routeMatches(element: Element, route: string | null | undefined): boolean {
  const prefix = normalizeRoute(route);
  return !prefix || inRoute(prefix, parentLevelOf(element).url().pathname);
}

const watchers = new Set<() => void>();
let lastHref = '';
let scheduled = false;

const changed = () => {
  if (scheduled) return;
  scheduled = true;
  // After the writer's own call returns (a router's replace-then-push is one change), before anything renders.
  queueMicrotask(() => {
    scheduled = false;
    if (location.href === lastHref) return;
    lastHref = location.href;
    for (const watcher of [...watchers]) watcher();
  });
};

/**
 * Calls `watcher` after each change of the page URL, however it happened:
 * the host router's push or replace, the back and forward buttons, a
 * fragment navigation, an app's scoped history. The Navigation API
 * (`currententrychange`) sees every one of them; browsers without it are
 * told through `popstate` and `hashchange`, which Portico also fires after
 * its own writes, so there a host router's own pushState goes unnoticed
 * until the next of those. Returns the unsubscribe.
 */
export function watchPageUrl(watcher: () => void): () => void {
  if (!watchers.size) {
    lastHref = location.href;
    (window as { navigation?: Navigation }).navigation?.addEventListener('currententrychange', changed);
    window.addEventListener('popstate', changed);
    window.addEventListener('hashchange', changed);
  }
  watchers.add(watcher);
  return () => {
    watchers.delete(watcher);
    if (watchers.size) return;
    (window as { navigation?: Navigation }).navigation?.removeEventListener('currententrychange', changed);
    window.removeEventListener('popstate', changed);
    window.removeEventListener('hashchange', changed);
  };
}

/**
 * Moves the page so that the app `name` routed at `route` is at `path` (a
 * URL at the app's level: `/42`, `?tab=2`, `#notes`, resolved against the
 * app's current URL), without a page load. The app starts with no history
 * state there, as after a link click, and hears a `popstate` if it is running.
 * Navigating to where the page already is does nothing.
 */
export function navigateApp(element: Element, name: string, route: string, path: string, options: NavigateOptions = {}): void {
  const parent = parentLevelOf(element);
  const level = createLevel(parent, route, parent.origin, levelKey(parent, name));
  const page = level.toPage(new URL(path, level.url()));
  if (page.href !== location.href) writePage(options.replace ? 'replace' : 'push', page, { [level.key]: null });
}
