import type { LocalEvents } from './types.js';

interface Entry {
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
  once: boolean;
}

/** The event types Portico fires for the app itself rather than forwarding to the host. */
export const LOCAL_EVENT_TYPES = new Set(['DOMContentLoaded', 'load', 'readystatechange', 'pagehide', 'beforeunload', 'unload']);

/** The object listeners see as `this`, and where the app's own `on<type>` handler properties live. */
export interface LocalTarget {
  self: object;
  handlers: Record<PropertyKey, unknown>;
}

/**
 * Holds the app's listeners for its simulated page-lifecycle events and calls
 * them with `this` and `event.target`/`currentTarget` set to the app's own
 * window or document, as a browser would.
 */
export function createLocalEvents(targets: Record<'window' | 'document', LocalTarget>): LocalEvents & { clear(): void } {
  const lists = new Map<string, Entry[]>();
  const key = (target: string, type: string) => `${target} ${type}`;
  const captureOf = (options?: boolean | EventListenerOptions) => (typeof options === 'boolean' ? options : !!options?.capture);

  return {
    has: (target, type) => LOCAL_EVENT_TYPES.has(type) && (target === 'window' || type !== 'load'),
    add(target, type, listener, options) {
      if (!listener) return;
      const list = lists.get(key(target, type)) ?? [];
      const capture = captureOf(options);
      if (list.some((e) => e.listener === listener && e.capture === capture)) return;
      const once = typeof options === 'object' && !!options.once;
      list.push({ listener, capture, once });
      lists.set(key(target, type), list);
      if (typeof options === 'object' && options.signal) {
        options.signal.addEventListener('abort', () => this.remove(target, type, listener, options), { once: true });
      }
    },
    remove(target, type, listener, options) {
      const list = lists.get(key(target, type));
      const capture = captureOf(options);
      const index = list?.findIndex((e) => e.listener === listener && e.capture === capture) ?? -1;
      if (list && index >= 0) list.splice(index, 1);
    },
    dispatch(target, type) {
      const { self, handlers } = targets[target];
      const event = new Event(type, { bubbles: type === 'DOMContentLoaded' });
      for (const prop of ['target', 'currentTarget', 'srcElement']) Object.defineProperty(event, prop, { value: self });
      for (const entry of [...(lists.get(key(target, type)) ?? [])]) {
        if (entry.once) this.remove(target, type, entry.listener, entry.capture);
        callListener(entry.listener, self, event);
      }
      // Only the app's own handler property: never the host's `window.onload`.
      const handler = Object.prototype.hasOwnProperty.call(handlers, `on${type.toLowerCase()}`)
        ? handlers[`on${type.toLowerCase()}`]
        : undefined;
      if (typeof handler === 'function') callListener(handler as EventListener, self, event);
    },
    clear: () => lists.clear(),
  };
}

/** Calls one listener the way the DOM does: an error in it is reported, not thrown to the caller. */
function callListener(listener: EventListenerOrEventListenerObject, self: object, event: Event): void {
  try {
    if (typeof listener === 'function') listener.call(self, event);
    else listener.handleEvent(event);
  } catch (error) {
    reportError(error);
  }
}
