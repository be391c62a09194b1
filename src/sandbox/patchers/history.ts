import { OverrideAccessor, type Patcher } from '../types.js';
import { createRouteEvents } from './route-events.js';
import { createLevel, levelKey, parentLevelOf, registerLevel } from './route-level.js';
import { watchAppWrites } from './route-clear.js';
import { interceptLinks } from './route-links.js';
import { createScopedHistory } from './scoped-history.js';
import { createScopedLocation } from './scoped-location.js';

/**
 * Scopes `location` and `history` to the app's route, so an unmodified app
 * and its router (vue-router, react-router, a hand-written one) run under a
 * path prefix of the portal's URL as they would at the root of their own
 * site. With `route="/orders"` at page URL `/orders/42?tab=2#notes`, the app's
 * `location.pathname` is `/42`, its `history.pushState({}, '', '/43')` moves
 * the page to `/orders/43`, and its `popstate`/`hashchange` listeners fire for
 * changes of its own URL with its own state: back and forward over its own
 * entries, a fragment navigation, the host (or `el.navigate()`) moving the
 * page inside its route, its links (see route-links.ts). They do not fire
 * for its own pushes (as natively), nor when the page moves somewhere that
 * leaves the app's URL and entry as they were (another app's state-only
 * push, a traversal over another app's entries).
 *
 * Without a route the app sees the whole path, still on its own origin and
 * with its own state. Inside another app, the route is relative to the
 * parent app's URL. Changes are noticed through the Navigation API
 * (`currententrychange`: any push, replace or traversal, the host router's
 * included) where the browser has it, and through `popstate`/`hashchange`
 * otherwise. While the page is outside the route (a hidden keep-alive app),
 * the app keeps its last URL and hears nothing.
 *
 * When the app goes (torn down or parked), the URL it navigated the page to
 * goes too, unless the element keeps it (see route-clear.ts).
 *
 * Installs sandbox-local `location` and `history` on the app's window (and
 * `document.location`/`document.URL`); the host's are never touched.
 */
export const patchHistory: Patcher = (target) => {
  const root = target.tree.root;
  const parent = parentLevelOf(root.host);
  // A parked app (its tree out of the page, see src/elements/app-pool.ts) hears nothing and moves nothing.
  const level = createLevel(parent, target.route?.base ?? '', new URL(target.baseUrl).origin, levelKey(parent, target.name), () => root.host.isConnected);
  const unregister = registerLevel(root, level);
  const appWrites = watchAppWrites(level);
  const clearUrl = () => {
    if (!target.route?.keepUrl?.()) appWrites.clear();
  };
  const events = createRouteEvents(target);
  const reload = () => (target.route?.reload ? target.route.reload() : window.location.reload());

  // What the app last saw: its URL and the id of its entry. A popstate goes out when either moved.
  const view = () => ({ href: level.url().href, id: level.entry()?.id });
  let seen = view();
  let writes = 0;
  let scheduled = false;
  let traversal = false;
  let hash: { oldURL: string; newURL?: string } | null = null;

  const flush = () => {
    scheduled = false;
    const crossed = traversal;
    const pendingHash = hash;
    traversal = false;
    hash = null;
    if (!level.active()) return;
    const now = view();
    if (now.href !== seen.href || (crossed && now.id !== seen.id)) {
      seen = now;
      events.dispatch(new PopStateEvent('popstate', { state: level.entry()?.state ?? null }));
    }
    if (pendingHash && pendingHash.oldURL !== (pendingHash.newURL ?? now.href)) {
      events.dispatch(new HashChangeEvent('hashchange', { oldURL: pendingHash.oldURL, newURL: pendingHash.newURL ?? now.href }));
    }
  };
  // Deferred and merged: a router's replace-then-push is one change, and the app never runs inside someone else's pushState call.
  const schedule = (crossing: boolean) => {
    traversal ||= crossing;
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  };

  const scopedLocation = createScopedLocation(level, {
    navigated(fragment) {
      writes++;
      if (fragment) hash ??= { oldURL: seen.href };
      schedule(false);
    },
    reload,
  });
  const scopedHistory = createScopedHistory(level, {
    wrote() {
      writes++;
      seen = view();
    },
    reload,
  });

  const onPopstate = (event: Event) => schedule(event.isTrusted);
  const onHashchange = (event: Event) => {
    const { oldURL, newURL } = event as HashChangeEvent;
    const from = level.fromPage(new URL(oldURL));
    const to = level.fromPage(new URL(newURL));
    if (from && to && from.hash !== to.hash) hash = { oldURL: from.href, newURL: to.href };
    schedule(false);
  };
  const onEntry = (event: NavigationCurrentEntryChangeEvent) => schedule(event.navigationType === 'traverse');
  const navigation = (window as { navigation?: Navigation }).navigation;
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('popstate', onPopstate);
    window[method]('hashchange', onHashchange);
    navigation?.[method]('currententrychange', onEntry as EventListener);
  };
  listen(true);
  const stopLinks = interceptLinks(root, level, {
    navigate: (url) => scopedLocation.assign(url.href),
    writes: () => writes,
  });

  const locationOverride = new OverrideAccessor(
    () => scopedLocation,
    (value) => scopedLocation.assign(String(value)),
  );
  target.overrides.window.set('location', locationOverride);
  target.overrides.window.set('history', new OverrideAccessor(() => scopedHistory, () => undefined));
  target.overrides.document.set('location', locationOverride);
  target.overrides.document.set('URL', new OverrideAccessor(() => scopedLocation.href, () => undefined));
  target.overrides.document.set('documentURI', new OverrideAccessor(() => scopedLocation.href, () => undefined));

  // Parked: Portico stops listening for the app. Back from parking: if the page moved while the app
  // heard nothing, it hears one popstate now.
  let suspended = false;
  const suspend = () => {
    clearUrl();
    if (!suspended) listen(false);
    suspended = true;
  };
  const resume = () => {
    if (suspended) listen(true);
    suspended = false;
    schedule(true);
  };
  return Object.assign(() => {
    if (!suspended) clearUrl();
    if (!suspended) listen(false);
    stopLinks();
    events.dispose();
    unregister();
    for (const name of ['location', 'history']) target.overrides.window.delete(name);
    for (const name of ['location', 'URL', 'documentURI']) target.overrides.document.delete(name);
  }, { suspend, resume });
};
