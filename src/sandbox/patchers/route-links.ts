import { parentLevelOf, type RouteLevel } from './route-level.js';

/** How {@link interceptLinks} navigates and learns whether the app routed by itself. */
export interface LinkHooks {
  /** Navigates the app to a URL on its own origin (as `location.assign` would, without a page load). */
  navigate(url: URL): void;
  /** A count of the app's own history writes, to tell whether a click handler of the app routed already. */
  writes(): number;
}

const isLink = (node: EventTarget): node is HTMLAnchorElement | HTMLAreaElement | SVGAElement =>
  node instanceof HTMLAnchorElement || node instanceof HTMLAreaElement || node instanceof SVGAElement;

/**
 * Makes a plain link of the app (`<a href="/43">`) navigate inside it, as
 * router links do: the page does not load (it would load the app's server
 * URL into the portal), the app gets a history entry and a `popstate`.
 *
 * Portico's rewriting has made such hrefs absolute on the app's origin, so
 * those are the links taken over; links elsewhere, `#fragment` links (a real
 * fragment navigation), `target` other than `_self`, `download`,
 * `rel="external"` and modified or non-primary clicks keep the browser's
 * behaviour, and so does a click an earlier handler (a router's link
 * component) already prevented.
 *
 * The decision waits until the event has reached the window, because the
 * app's own `document` listeners (delegating routers) run after this one: if
 * one of them calls `preventDefault()` or routes by itself, Portico does
 * nothing more. The browser's default is cancelled at once, so a handler
 * that stops propagation cannot let the page leave the portal.
 */
export function interceptLinks(root: ShadowRoot, level: RouteLevel, hooks: LinkHooks): () => void {
  const onClick = (event: Event) => {
    const click = event as MouseEvent;
    if (click.defaultPrevented || click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return;
    const link = click.composedPath().find(isLink);
    // Links of a nested app are that app's business.
    if (!link || parentLevelOf(link) !== level) return;
    const raw = link.getAttribute('href') ?? link.getAttribute('xlink:href');
    const target = link.getAttribute('target');
    if (!raw || raw.startsWith('#') || link.hasAttribute('download') || (target && target !== '_self')) return;
    if (/(^|\s)external(\s|$)/i.test(link.getAttribute('rel') ?? '')) return;
    let url: URL;
    try {
      url = new URL(link instanceof SVGAElement ? link.href.baseVal : link.href, level.url());
    } catch {
      return;
    }
    if (url.origin !== level.origin) return;

    click.preventDefault();
    let cancelled = false;
    // Later handlers can still cancel: their preventDefault() is noted (defaultPrevented already reads true).
    Object.defineProperty(click, 'preventDefault', { configurable: true, value: () => void (cancelled = true) });
    const writes = hooks.writes();
    const finish = () => {
      clearTimeout(timer);
      window.removeEventListener('click', atWindow);
      if (!cancelled && hooks.writes() === writes) hooks.navigate(url);
    };
    const atWindow = (e: Event) => e === event && finish();
    // Added during dispatch, it still runs for this event: the window's listeners are read when the event gets there.
    window.addEventListener('click', atWindow);
    // If something stopped propagation, the window never sees the event.
    const timer = setTimeout(finish);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
