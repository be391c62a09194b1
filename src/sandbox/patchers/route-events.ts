import { OverrideAccessor, type PatchTarget } from '../types.js';
import { lookNative } from './native-class.js';

/** The events an app hears about its own URL; everything else goes to the real window as before. */
export const ROUTE_EVENTS: ReadonlySet<string> = new Set(['popstate', 'hashchange']);

/** The app's private channel for {@link ROUTE_EVENTS}. */
export interface RouteEvents {
  /** Delivers `event` to the app's listeners and `on<type>` handler, with `target` and `this` its window. */
  dispatch(event: Event): void;
  /** Removes the overrides and forgets every listener. */
  dispose(): void;
}

/**
 * Takes `popstate` and `hashchange` off the real window for one app: its
 * `addEventListener`, `removeEventListener`, `dispatchEvent`, `onpopstate` and
 * `onhashchange` keep these two types on a private EventTarget, and other
 * types go on to the overrides installed before (the listeners and handlers
 * patchers). Portico then fires them with the app's own state and URLs, only
 * for changes of the app's own URL; the browser's events, which carry the
 * page's state, never reach the app. An app's own
 * `dispatchEvent(new PopStateEvent('popstate'))` (a common way to wake a
 * router) reaches only its own listeners, not the host's or other apps'.
 * The private target gives `once`, `signal`, capture and duplicate handling
 * exactly as the DOM does.
 */
export function createRouteEvents(target: PatchTarget): RouteEvents {
  const hub = new EventTarget();
  const self = target.window;
  const overrides = target.overrides.window;
  const previous = new Map(['addEventListener', 'removeEventListener', 'dispatchEvent', 'onpopstate', 'onhashchange'].map((k) => [k, overrides.get(k)]));
  // Other event types: the override installed before this one, or the real window's method.
  const realCall = (name: string, args: unknown[]) => {
    const before = previous.get(name) as Function | undefined;
    return before ? before.apply(self, args) : (window as unknown as Record<string, Function>)[name]!.apply(window, args);
  };
  // One forwarding function per listener and capture flag, so removal finds what was added.
  const forwards = new Map<unknown, Map<boolean, EventListener>>();
  const forward = (listener: EventListenerOrEventListenerObject, capture: boolean) => {
    let byCapture = forwards.get(listener);
    if (!byCapture) forwards.set(listener, (byCapture = new Map()));
    let fn = byCapture.get(capture);
    if (!fn) {
      fn = (event) => (typeof listener === 'function' ? listener.call(self, event) : listener.handleEvent(event));
      byCapture.set(capture, fn);
    }
    return fn;
  };
  const captureOf = (options?: boolean | EventListenerOptions) => (typeof options === 'boolean' ? options : !!options?.capture);
  let open = true;

  overrides.set('addEventListener', lookNative(function addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (!ROUTE_EVENTS.has(type)) return realCall('addEventListener', [type, listener, options]);
    if (listener && open) hub.addEventListener(type, forward(listener, captureOf(options)), options);
  }, 'addEventListener', 2));
  overrides.set('removeEventListener', lookNative(function removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (!ROUTE_EVENTS.has(type)) return realCall('removeEventListener', [type, listener, options]);
    const fn = listener && forwards.get(listener)?.get(captureOf(options));
    if (fn) hub.removeEventListener(type, fn, options);
  }, 'removeEventListener', 2));
  overrides.set('dispatchEvent', lookNative(function dispatchEvent(event: Event) {
    if (!(event instanceof Event) || !ROUTE_EVENTS.has(event.type)) return realCall('dispatchEvent', [event]);
    dispatch(event);
    return !event.defaultPrevented;
  }, 'dispatchEvent', 1));

  // `onpopstate = fn`: a listener in the same list, so it runs in registration order as natively.
  for (const type of ROUTE_EVENTS) {
    let handler: unknown = null;
    const call: EventListener = (event) => {
      if (typeof handler === 'function' && handler.call(self, event) === false) event.preventDefault();
    };
    overrides.set(
      `on${type}`,
      new OverrideAccessor(
        () => handler,
        (value) => {
          handler = typeof value === 'function' ? value : null;
          if (handler && open) hub.addEventListener(type, call);
          else hub.removeEventListener(type, call);
        },
      ),
    );
  }

  function dispatch(event: Event): void {
    if (!open) return;
    for (const name of ['target', 'currentTarget', 'srcElement']) Object.defineProperty(event, name, { value: self, configurable: true });
    hub.dispatchEvent(event);
  }

  return {
    dispatch,
    dispose() {
      open = false;
      forwards.clear();
      for (const [key, value] of previous) {
        if (value === undefined) overrides.delete(key);
        else overrides.set(key, value);
      }
    },
  };
}
