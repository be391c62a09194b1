import type { Patcher } from '../types.js';
import { nativeSubclass, WeakRecord } from './native-class.js';

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
 * unchanged) that record every instance. Teardown disconnects them all, and
 * an observer callback of a torn-down app never runs, even one already queued.
 */
export const patchObservers: Patcher = (target) => {
  const live = new WeakRecord<Observer>();
  const installed: string[] = [];
  let disposed = false;

  const guard = (callback: unknown) =>
    typeof callback === 'function'
      ? function (this: unknown, ...args: unknown[]) {
          if (!disposed) return callback.apply(this, args);
        }
      : callback; // let the real constructor throw its own TypeError

  for (const name of OBSERVERS) {
    const Base = (window as unknown as Record<string, ObserverClass | undefined>)[name];
    if (typeof Base !== 'function') continue;
    const Sub = nativeSubclass(Base, ([callback, ...rest]) => [guard(callback), ...rest], (observer) => live.add(observer));
    target.overrides.window.set(name, Sub);
    installed.push(name);
  }

  return () => {
    disposed = true;
    const observers = live.drain();
    for (const observer of observers) observer.disconnect();
    for (const name of installed) target.overrides.window.delete(name);
    return { observers: observers.length };
  };
};
