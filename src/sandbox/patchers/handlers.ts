import { callAsApp } from '../app-views.js';
import { LOCAL_EVENT_TYPES } from '../local-events.js';
import { addClaim } from '../fallback-proxy.js';
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
  const unclaim: Array<() => void> = [];
  /** Parked: the handlers' listeners are off the page until `resume`. */
  let suspended = false;

  // Each view has about 120 of them and an app sets a few: a key's override is made when the app first
  // reads or writes it (see OverrideClaim).
  for (const which of ['window', 'document'] as const) {
    const real: EventTarget = which === 'window' ? window : document;
    const self = which === 'window' ? target.window : target.document;
    const overrides = which === 'window' ? target.overrides.window : target.overrides.document;
    const claim = (key: PropertyKey): boolean => {
      if (typeof key !== 'string' || !isHandlerName(real, key)) return false;
      const type = key.slice(2);
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
      return true;
    };
    unclaim.push(addClaim(target.overrides.claims[which], { claim }));
  }

  return Object.assign(
    () => {
      const released = { handlers: installed.size };
      for (const { real, type, listener } of installed) real.removeEventListener(type, listener);
      for (const off of unclaim) off();
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

/**
 * Whether `key` is an event-handler property of the host's `window` or
 * `document` (`onclick`, `onkeydown`…, found on the object or its
 * prototypes) that the app gets its own of. Page-lifecycle handlers
 * (`onload`, `onreadystatechange`…) stay with the simulated lifecycle.
 */
function isHandlerName(real: EventTarget, key: string): boolean {
  if (!key.startsWith('on') || !(key in real)) return false;
  const type = key.slice(2);
  return !LOCAL_EVENT_TYPES.has(type) && type !== 'readystatechange';
}
