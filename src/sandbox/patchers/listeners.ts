import { LOCAL_EVENT_TYPES } from '../local-events.js';
import type { Patcher } from '../types.js';

interface Record_ {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

/**
 * Gives the app its own `addEventListener`/`removeEventListener` on `window`
 * and `document`. Page-lifecycle events (`load`, `DOMContentLoaded`, …) go to
 * the app's simulated lifecycle; every other listener is added to the real
 * window or document and recorded, and teardown removes whatever is left.
 */
export const patchListeners: Patcher = (target) => {
  const records: Record_[] = [];
  const captureOf = (options?: boolean | EventListenerOptions) => (typeof options === 'boolean' ? options : !!options?.capture);

  for (const which of ['window', 'document'] as const) {
    const real: EventTarget = which === 'window' ? window : document;
    const overrides = which === 'window' ? target.overrides.window : target.overrides.document;
    overrides.set('addEventListener', function addEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (!listener) return;
      if (LOCAL_EVENT_TYPES.has(type)) return target.local.add(which, type, listener, options);
      const capture = captureOf(options);
      real.addEventListener(type, listener, options);
      if (!records.some((r) => r.target === real && r.type === type && r.listener === listener && r.capture === capture)) {
        records.push({ target: real, type, listener, capture });
      }
    });
    overrides.set('removeEventListener', function removeEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      if (!listener) return;
      if (LOCAL_EVENT_TYPES.has(type)) return target.local.remove(which, type, listener, options);
      const capture = captureOf(options);
      real.removeEventListener(type, listener, options);
      const index = records.findIndex((r) => r.target === real && r.type === type && r.listener === listener && r.capture === capture);
      if (index >= 0) records.splice(index, 1);
    });
  }

  return () => {
    for (const { target: real, type, listener, capture } of records.splice(0)) {
      real.removeEventListener(type, listener, capture);
    }
    for (const map of [target.overrides.window, target.overrides.document]) {
      map.delete('addEventListener');
      map.delete('removeEventListener');
    }
  };
};
