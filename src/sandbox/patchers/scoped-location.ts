import type { RouteLevel } from './route-level.js';
import { lookNative } from './native-class.js';

/** What the app's `location` asks of the history patcher. */
export interface LocationHooks {
  /** A navigation inside the app was written (`fragment`: only the hash moved); the app must hear popstate (and hashchange). */
  navigated(fragment: boolean): void;
  /** `location.reload()`: restart the app, not the page. */
  reload(): void;
}

const PARTS = ['href', 'protocol', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'] as const;

/**
 * The `location` an app sees: its own origin and the part of the page URL
 * below its route (see {@link RouteLevel}). Reading is live. Navigating
 * (`location.href = …`, `assign`, `replace`, setting `pathname`/`search`/
 * `hash`, `window.location = …`) stays inside the app when the target is on
 * the app's origin: no page load, a new history entry (or a replaced one),
 * and a `popstate` for the app's router, as a router link would do. Only the
 * hash changing is a real fragment navigation of the page when the page URL
 * allows it, so `hashchange` fires as natively. Other origins load for real,
 * as they would standalone. `reload()` restarts the app.
 * It passes `instanceof Location`.
 */
export function createScopedLocation(level: RouteLevel, hooks: LocationHooks): Location {
  const navigate = (value: unknown, replace: boolean) => {
    const current = level.url();
    let url: URL;
    try {
      url = new URL(String(value), current);
    } catch {
      throw new DOMException(`'${String(value)}' is not a valid URL.`, 'SyntaxError');
    }
    // Never run a javascript: URL in the host's context.
    if (url.protocol === 'javascript:') return;
    if (url.origin !== level.origin) {
      window.location[replace ? 'replace' : 'assign'](url.href);
      return;
    }
    const fragment = url.pathname === current.pathname && url.search === current.search && url.href.includes('#');
    if (fragment && url.hash === current.hash) return;
    const page = level.toPage(url);
    if (fragment && level.active() && page.pathname === location.pathname && page.search === location.search) {
      // A real fragment navigation: the browser fires popstate and hashchange, which reach the app through the patcher.
      window.location[replace ? 'replace' : 'assign'](page.href);
      return;
    }
    level.write(replace ? 'replace' : 'push', url, null);
    hooks.navigated(fragment);
  };

  const scoped = Object.create(Location.prototype) as Location;
  const descriptors: PropertyDescriptorMap = {};
  for (const part of PARTS) {
    descriptors[part] = {
      enumerable: true,
      get: () => level.url()[part],
      set(value: unknown) {
        if (part === 'href') return navigate(value, false);
        const url = level.url();
        (url as unknown as Record<string, unknown>)[part] = String(value);
        navigate(url.href, false);
      },
    };
  }
  Object.defineProperties(scoped, {
    ...descriptors,
    origin: { enumerable: true, get: () => level.origin },
    ancestorOrigins: { enumerable: true, get: () => window.location.ancestorOrigins },
    assign: { enumerable: true, value: lookNative((url: string | URL) => navigate(url, false), 'assign', 1) },
    replace: { enumerable: true, value: lookNative((url: string | URL) => navigate(url, true), 'replace', 1) },
    reload: { enumerable: true, value: lookNative(() => hooks.reload(), 'reload', 0) },
    toString: { enumerable: true, value: lookNative(() => level.url().href, 'toString', 0) },
  });
  return scoped;
}
