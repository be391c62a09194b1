import type { Patcher } from '../types.js';
import { nativeArgs, toNative } from '../app-views.js';
import { defineMethod, nativeSubclass, WeakRecord } from './native-class.js';

/** The observer classes an app gets its own subclass of, where the browser has them. */
const OBSERVERS = ['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver', 'ReportingObserver'];

interface Observer {
  disconnect(): void;
}
type ObserverClass = new (callback: unknown, ...rest: unknown[]) => Observer;

/**
 * Gives the app its own `MutationObserver`, `ResizeObserver`,
 * `IntersectionObserver`, `PerformanceObserver` and `ReportingObserver`:
 * subclasses of the real ones (so `instanceof`, statics such as
 * `PerformanceObserver.supportedEntryTypes`, and `toString()` sniffing are
 * unchanged) that record every instance, and that accept the app's own
 * `document` as a target (its tree) and as an `IntersectionObserver` root
 * (the viewport). Teardown disconnects them all, and
 * an observer callback of a torn-down app never runs, even one already queued;
 * nor does one of a parked app (what it would report is dropped).
 */
export const patchObservers: Patcher = (target) => {
  const live = new WeakRecord<Observer>();
  const installed: string[] = [];
  let disposed = false;
  // Parked: what observers report (the tree leaving the page, the host's resource timings) is not heard.
  let suspended = false;

  const guard = (callback: unknown) =>
    typeof callback === 'function'
      ? function (this: unknown, ...args: unknown[]) {
          if (!disposed && !suspended) return callback.apply(this, args);
        }
      : callback; // let the real constructor throw its own TypeError

  for (const name of OBSERVERS) {
    const Base = (window as unknown as Record<string, ObserverClass | undefined>)[name];
    if (typeof Base !== 'function') continue;
    // `new IntersectionObserver(cb, { root: document })`: the app's document means the viewport (see app-views.ts).
    const Sub = nativeSubclass(Base, ([callback, ...rest]) => [guard(callback), ...nativeArgs(rest)], (observer) => live.add(observer));
    // `observe(document, …)` (Chart.js, lit's polyfills): the app's document means its tree.
    for (const method of ['observe', 'unobserve'] as const) {
      const native = (Base.prototype as unknown as Record<string, Function | undefined>)[method];
      if (typeof native !== 'function' || native.length === 0) continue;
      defineMethod(Sub.prototype, native, function (this: Observer, target: unknown, ...rest: unknown[]) {
        return native.call(this, toNative(target), ...rest);
      });
    }
    target.overrides.window.set(name, Sub);
    installed.push(name);
  }

  return Object.assign(
    () => {
      disposed = true;
      const observers = live.drain();
      for (const observer of observers) observer.disconnect();
      for (const name of installed) target.overrides.window.delete(name);
      return { observers: observers.length };
    },
    {
      suspend: () => void (suspended = true),
      // Observations go on by themselves: resize and intersection observers report the tree's new boxes once it is back.
      resume: () => void (suspended = false),
    },
  );
};
