import { callAsApp } from '../app-views.js';
import { LOCAL_EVENT_TYPES } from '../local-events.js';
import { pinTarget } from '../pin-target.js';
import type { Patcher } from '../types.js';

interface Entry {
  which: 'window' | 'document';
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
  /** When it was added (see Disposer.since). */
  stamp: number;
  /** Registers both listeners with the browser (again, after parking). */
  attach(): void;
  /** Unregisters both, keeping the entry (parking). */
  detach(): void;
  /** Unregisters both and forgets the entry. */
  remove(): void;
}

/**
 * Gives the app its own `addEventListener`/`removeEventListener` on `window`
 * and `document`, with the targets it would see standalone.
 *
 * A listener the app puts on its `document` or `window` is registered twice:
 * on the app's shadow root, where events from inside the app arrive with
 * their real target (a closed root retargets them to the `<micro-app>` by
 * the time they reach the real document, which would break jQuery's
 * `$(document).on('click', '.x', …)`, React 16's delegation and hotkey
 * checks of `e.target`); and on the real window or document, for everything
 * else (clicks elsewhere in the portal, so click-outside logic still closes
 * dropdowns; `resize`, `popstate`, `message`…), skipping events that came
 * from inside the app so none is heard twice. Page-lifecycle events (`load`,
 * `DOMContentLoaded`, …) go to the app's simulated lifecycle. Teardown removes
 * whatever is left; parking takes every registration off the page and
 * `resume` puts them back.
 */
export const patchListeners: Patcher = (target) => {
  const entries: Entry[] = [];
  const root = target.tree.root;
  /** Parked: registrations are off the page until `resume` (see Disposer.suspend). */
  let suspended = false;
  // The page-side element the app sits in; a parked app can come back in another one (see `resume`).
  let host = elementOf(root);
  const captureOf = (options?: boolean | EventListenerOptions) => (typeof options === 'boolean' ? options : !!options?.capture);
  const find = (which: string, type: string, listener: unknown, capture: boolean) =>
    entries.findIndex((e) => e.which === which && e.type === type && e.listener === listener && e.capture === capture);

  for (const which of ['window', 'document'] as const) {
    const real: EventTarget = which === 'window' ? window : document;
    const self = which === 'window' ? target.window : target.document;
    const overrides = which === 'window' ? target.overrides.window : target.overrides.document;

    overrides.set('addEventListener', function addEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (!listener) return;
      if (LOCAL_EVENT_TYPES.has(type)) return target.local.add(which, type, listener, options);
      const capture = captureOf(options);
      if (find(which, type, listener, capture) >= 0) return;
      const once = typeof options === 'object' && !!options.once;
      const passive = typeof options === 'object' ? options.passive : undefined;
      const call = (event: Event) => {
        if (once) entry.remove();
        pinTarget(event);
        callAsApp(event, target.window, () => {
          if (typeof listener === 'function') listener.call(self, event);
          else listener.handleEvent(event);
        });
      };
      const inner = (event: Event) => call(event);
      const outer = (event: Event) => {
        if (!event.composedPath().includes(host)) call(event);
      };
      const registration = { capture, passive };
      const entry: Entry = {
        which,
        type,
        listener,
        capture,
        stamp: target.stamp(),
        attach() {
          root.addEventListener(type, inner, registration);
          real.addEventListener(type, outer, registration);
        },
        detach() {
          root.removeEventListener(type, inner, registration);
          real.removeEventListener(type, outer, registration);
        },
        remove() {
          entry.detach();
          const index = entries.indexOf(entry);
          if (index >= 0) entries.splice(index, 1);
        },
      };
      if (!suspended) entry.attach();
      entries.push(entry);
      const signal = typeof options === 'object' ? options.signal : undefined;
      signal?.addEventListener('abort', () => entry.remove(), { once: true });
    });

    overrides.set('removeEventListener', function removeEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      if (!listener) return;
      if (LOCAL_EVENT_TYPES.has(type)) return target.local.remove(which, type, listener, options);
      entries[find(which, type, listener, captureOf(options))]?.remove();
    });
  }

  /** Removes the listeners added after `stamp`. */
  const removeSince = (stamp: number) => {
    const late = entries.filter((entry) => entry.stamp > stamp);
    for (const entry of late) entry.remove();
    return { listeners: late.length };
  };
  return Object.assign(
    () => {
      const released = removeSince(-Infinity);
      for (const map of [target.overrides.window, target.overrides.document]) {
        map.delete('addEventListener');
        map.delete('removeEventListener');
      }
      return released;
    },
    {
      since: removeSince,
      suspend() {
        suspended = true;
        for (const entry of entries) entry.detach();
      },
      resume() {
        host = elementOf(root);
        if (!suspended) return;
        suspended = false;
        for (const entry of entries) entry.attach();
      },
    },
  );
};

/**
 * The page-side element an app's root sits in: the `<micro-app>` that holds
 * its carrier.
 * The carrier itself is inside that element's closed root, so a listener on
 * the real `document` never sees it in `composedPath()`.
 */
function elementOf(root: ShadowRoot): Element {
  const outer = root.host.getRootNode();
  return outer instanceof ShadowRoot ? outer.host : root.host;
}
