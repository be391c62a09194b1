import { callAsApp } from '../app-views.js';
import { LOCAL_EVENT_TYPES } from '../local-events.js';
import { OverrideAccessor, type Patcher } from '../types.js';

/**
 * Gives the app its own event-handler properties on `window` and `document`
 * (`window.onresize = fn`, `document.onkeydown = fn`). Assigning one adds a
 * listener on the real target that calls the handler with `this` set to the
 * app's own window or document and honours `return false`; assigning null
 * removes it; teardown removes them all, and parking takes them off the page
 * until `resume`. The host's own handler properties
 * are never read or written. Page-lifecycle handlers (`onload`, …) are left
 * to the simulated lifecycle, which reads them from the sandbox.
 */
export const patchHandlers: Patcher = (target) => {
  const installed = new Set<{ real: EventTarget; type: string; listener: EventListener }>();
  const keys: Array<[Map<PropertyKey, unknown>, string]> = [];
  /** Parked: the handlers' listeners are off the page until `resume`. */
  let suspended = false;

  for (const which of ['window', 'document'] as const) {
    const real: EventTarget = which === 'window' ? window : document;
    const self = which === 'window' ? target.window : target.document;
    const overrides = which === 'window' ? target.overrides.window : target.overrides.document;
    for (const key of handlerNames(real)) {
      const type = key.slice(2);
      if (LOCAL_EVENT_TYPES.has(type) || type === 'readystatechange') continue;
      let handler: unknown = null;
      const listener: EventListener = (event) => {
        if (typeof handler !== 'function') return;
        callAsApp(event, target.window, () => {
          if ((handler as Function).call(self, event) === false) event.preventDefault();
        });
      };
      const record = { real, type, listener };
      overrides.set(
        key,
        new OverrideAccessor(
          () => handler,
          (value) => {
            const wasSet = typeof handler === 'function';
            handler = typeof value === 'function' || (typeof value === 'object' && value !== null) ? value : null;
            if (typeof handler === 'function' && !wasSet) {
              if (!suspended) real.addEventListener(type, listener);
              installed.add(record);
            } else if (typeof handler !== 'function' && wasSet) {
              real.removeEventListener(type, listener);
              installed.delete(record);
            }
          },
        ),
      );
      keys.push([overrides, key]);
    }
  }

  return Object.assign(
    () => {
      const released = { handlers: installed.size };
      for (const { real, type, listener } of installed) real.removeEventListener(type, listener);
      for (const [overrides, key] of keys) overrides.delete(key);
      return released;
    },
    {
      suspend() {
        suspended = true;
        for (const { real, type, listener } of installed) real.removeEventListener(type, listener);
      },
      resume() {
        if (!suspended) return;
        suspended = false;
        for (const { real, type, listener } of installed) real.addEventListener(type, listener);
      },
    },
  );
};

const namesCache = new WeakMap<EventTarget, string[]>();

/** Every `on…` handler property the target has (its own and its prototypes'), computed once per target. */
function handlerNames(real: EventTarget): string[] {
  const cached = namesCache.get(real);
  if (cached) return cached;
  const names = new Set<string>();
  for (let proto: object | null = real; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) if (key.startsWith('on')) names.add(key);
  }
  const list = [...names];
  namesCache.set(real, list);
  return list;
}
