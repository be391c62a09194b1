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
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const frames = new Set<number>();
  const idles = new Set<number>();
  const asFunction = (handler: Handler): Function =>
    typeof handler === 'function' ? handler : () => target.evaluate(String(handler), 'portico:timer');

  const installed: Record<string, Function> = {
    setTimeout(handler: Handler, delay?: number, ...args: unknown[]) {
      const fn = asFunction(handler);
      const id: number = real.setTimeout(() => {
        timeouts.delete(id);
        fn(...args);
      }, delay);
      timeouts.add(id);
      return id;
    },
    clearTimeout(id?: number) {
      if (id !== undefined) timeouts.delete(id);
      real.clearTimeout(id);
    },
    setInterval(handler: Handler, delay?: number, ...args: unknown[]) {
      const fn = asFunction(handler);
      const id = real.setInterval(() => fn(...args), delay);
      intervals.add(id);
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
      frames.add(id);
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
      idles.add(id);
      return id;
    },
    cancelIdleCallback(id: number) {
      idles.delete(id);
      real.cancelIdleCallback(id);
    },
  };
  // Keep the native look for code that sniffs `toString()` (Vue 2's isNative).
  for (const [name, fn] of Object.entries(installed)) target.overrides.window.set(name, lookNative(fn, name));

  return () => {
    const released = { timeouts: timeouts.size, intervals: intervals.size, animationFrames: frames.size, idleCallbacks: idles.size };
    for (const id of timeouts) real.clearTimeout(id);
    for (const id of intervals) real.clearInterval(id);
    for (const id of frames) real.cancelAnimationFrame(id);
    for (const id of idles) real.cancelIdleCallback(id);
    timeouts.clear();
    intervals.clear();
    frames.clear();
    idles.clear();
    for (const name of Object.keys(installed)) target.overrides.window.delete(name);
    return released;
  };
};
