import type { Patcher } from '../types.js';
import { lookNative } from './native-class.js';

type Handler = TimerHandler;

/**
 * Gives the app its own `setTimeout`/`setInterval`/`requestAnimationFrame`/
 * `requestIdleCallback` and their `clear`/`cancel` partners. Each call is
 * recorded, so teardown cancels whatever is still pending: no callback of an
 * unmounted app ever runs. A string handler (`setTimeout('code', 10)`) is
 * compiled against the sandbox, not the host's global scope.
 */
export const patchTimers: Patcher = (target) => {
  const real = globalThis;
  // id → stamp (see Disposer.since).
  const timeouts = new Map<number, number>();
  const intervals = new Map<number, number>();
  const frames = new Map<number, number>();
  const idles = new Map<number, number>();
  const asFunction = (handler: Handler): Function =>
    typeof handler === 'function' ? handler : () => target.evaluate(String(handler), 'portico:timer');

  const installed: Record<string, Function> = {
    setTimeout(handler: Handler, delay?: number, ...args: unknown[]) {
      const fn = asFunction(handler);
      const id: number = real.setTimeout(() => {
        timeouts.delete(id);
        fn(...args);
      }, delay);
      timeouts.set(id, target.stamp());
      return id;
    },
    clearTimeout(id?: number) {
      if (id !== undefined) timeouts.delete(id);
      real.clearTimeout(id);
    },
    setInterval(handler: Handler, delay?: number, ...args: unknown[]) {
      const fn = asFunction(handler);
      const id = real.setInterval(() => fn(...args), delay);
      intervals.set(id, target.stamp());
      return id;
    },
    clearInterval(id?: number) {
      if (id !== undefined) intervals.delete(id);
      real.clearInterval(id);
    },
    requestAnimationFrame(callback: FrameRequestCallback) {
      const id: number = real.requestAnimationFrame((time) => {
        frames.delete(id);
        callback(time);
      });
      frames.set(id, target.stamp());
      return id;
    },
    cancelAnimationFrame(id: number) {
      frames.delete(id);
      real.cancelAnimationFrame(id);
    },
    requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions) {
      const id: number = real.requestIdleCallback((deadline) => {
        idles.delete(id);
        callback(deadline);
      }, options);
      idles.set(id, target.stamp());
      return id;
    },
    cancelIdleCallback(id: number) {
      idles.delete(id);
      real.cancelIdleCallback(id);
    },
  };
  // Keep the native look for code that sniffs `toString()` (Vue 2's isNative).
  for (const [name, fn] of Object.entries(installed)) target.overrides.window.set(name, lookNative(fn, name));

  const kinds = [
    ['timeouts', timeouts, (id: number) => real.clearTimeout(id)],
    ['intervals', intervals, (id: number) => real.clearInterval(id)],
    ['animationFrames', frames, (id: number) => real.cancelAnimationFrame(id)],
    ['idleCallbacks', idles, (id: number) => real.cancelIdleCallback(id)],
  ] as const;
  /** Cancels every pending callback recorded after `stamp`; counts them per kind. */
  const cancel = (stamp: number) => {
    const released: Record<string, number> = {};
    for (const [kind, ids, clear] of kinds) {
      released[kind] = 0;
      for (const [id, at] of ids) {
        if (at <= stamp) continue;
        clear(id);
        ids.delete(id);
        released[kind]++;
      }
    }
    return released;
  };

  return Object.assign(
    () => {
      const released = cancel(-Infinity);
      for (const name of Object.keys(installed)) target.overrides.window.delete(name);
      return released;
    },
    { since: cancel },
  );
};
