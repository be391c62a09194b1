import type { Patcher } from '../types.js';
import { lookNative } from './native-class.js';

type Handler = TimerHandler;
type Kind = 'timeouts' | 'intervals' | 'animationFrames' | 'idleCallbacks';

/** One pending callback of the app: enough to cancel it, or to start it again after parking. */
interface Pending {
  kind: Kind;
  /** The id the browser gave it now (after a park and resume, no longer the id the app holds). */
  real: number;
  /** When it was recorded (see Disposer.since). */
  stamp: number;
  /** Starts it with the browser; returns the real id. */
  start(delay?: number): number;
  /** Timeouts: when it is due (performance.now()), so a resumed one waits only what was left. */
  due?: number;
  delay?: number;
}

const CLEAR: Record<Kind, (id: number) => void> = {
  timeouts: (id) => clearTimeout(id),
  intervals: (id) => clearInterval(id),
  animationFrames: (id) => cancelAnimationFrame(id),
  idleCallbacks: (id) => cancelIdleCallback(id),
};

/**
 * Gives the app its own `setTimeout`/`setInterval`/`requestAnimationFrame`/
 * `requestIdleCallback` and their `clear`/`cancel` partners. Each call is
 * recorded, so teardown cancels whatever is still pending: no callback of an
 * unmounted app ever runs. A string handler (`setTimeout('code', 10)`) is
 * compiled against the sandbox, not the host's global scope.
 *
 * Parking (`suspend`) cancels every pending callback with the browser and
 * keeps it; `resume` starts each again (a timeout with the time it had left,
 * an interval with its period). The app keeps the ids it was given: they are
 * mapped to the new ones, so its `clearTimeout(id)` still works.
 */
export const patchTimers: Patcher = (target) => {
  const real = globalThis;
  /** Pending callbacks by kind (each has its own id space), then by the id the app holds. */
  const pending: Record<Kind, Map<number, Pending>> = { timeouts: new Map(), intervals: new Map(), animationFrames: new Map(), idleCallbacks: new Map() };
  const all = () => Object.values(pending).flatMap((ids) => [...ids]);
  const asFunction = (handler: Handler): Function =>
    typeof handler === 'function' ? handler : () => target.evaluate(String(handler), 'portico:timer');

  const record = (kind: Kind, start: Pending['start'], delay?: number): number => {
    const entry: Pending = { kind, real: 0, stamp: target.stamp(), start, delay };
    entry.real = start(delay);
    if (kind === 'timeouts') entry.due = performance.now() + (Number(delay) || 0);
    // The first id the browser gave is the app's for good.
    pending[kind].set(entry.real, entry);
    return entry.real;
  };
  const forget = (kind: Kind, id: number | undefined, clear: (id: number | undefined) => void) => {
    const entry = id === undefined ? undefined : pending[kind].get(id);
    if (entry) {
      pending[kind].delete(id!);
      clear(entry.real);
    } else clear(id);
  };

  const installed: Record<string, Function> = {
    setTimeout(handler: Handler, delay?: number, ...args: unknown[]) {
      const fn = asFunction(handler);
      const id = record('timeouts', (wait) => real.setTimeout(() => {
        pending.timeouts.delete(id);
        fn(...args);
      }, wait), delay);
      return id;
    },
    clearTimeout: (id?: number) => forget('timeouts', id, real.clearTimeout),
    setInterval(handler: Handler, delay?: number, ...args: unknown[]) {
      const fn = asFunction(handler);
      return record('intervals', (period) => real.setInterval(() => fn(...args), period), delay);
    },
    clearInterval: (id?: number) => forget('intervals', id, real.clearInterval),
    requestAnimationFrame(callback: FrameRequestCallback) {
      const id = record('animationFrames', () => real.requestAnimationFrame((time) => {
        pending.animationFrames.delete(id);
        callback(time);
      }));
      return id;
    },
    cancelAnimationFrame: (id: number) => forget('animationFrames', id, (n) => real.cancelAnimationFrame(n!)),
    requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions) {
      const id = record('idleCallbacks', () => real.requestIdleCallback((deadline) => {
        pending.idleCallbacks.delete(id);
        callback(deadline);
      }, options));
      return id;
    },
    cancelIdleCallback: (id: number) => forget('idleCallbacks', id, (n) => real.cancelIdleCallback(n!)),
  };
  // Keep the native look for code that sniffs `toString()` (Vue 2's isNative).
  for (const [name, fn] of Object.entries(installed)) target.overrides.window.set(name, lookNative(fn, name));

  /** Cancels every pending callback recorded after `stamp`; counts them per kind. */
  const cancel = (stamp: number) => {
    const released: Record<string, number> = { timeouts: 0, intervals: 0, animationFrames: 0, idleCallbacks: 0 };
    for (const [id, entry] of all()) {
      if (entry.stamp <= stamp) continue;
      if (!suspended) CLEAR[entry.kind](entry.real);
      pending[entry.kind].delete(id);
      released[entry.kind]!++;
    }
    return released;
  };

  let suspended = false;
  /** What a parked timeout had left to wait. */
  const left = new Map<Pending, number>();
  return Object.assign(
    () => {
      const released = cancel(-Infinity);
      for (const name of Object.keys(installed)) target.overrides.window.delete(name);
      return released;
    },
    {
      since: cancel,
      suspend() {
        if (suspended) return;
        suspended = true;
        const now = performance.now();
        for (const [, entry] of all()) {
          CLEAR[entry.kind](entry.real);
          if (entry.due !== undefined) left.set(entry, Math.max(0, entry.due - now));
        }
      },
      resume() {
        if (!suspended) return;
        suspended = false;
        const now = performance.now();
        for (const [, entry] of all()) {
          const wait = left.get(entry) ?? entry.delay;
          entry.real = entry.start(wait);
          if (entry.due !== undefined) entry.due = now + (wait ?? 0);
        }
        left.clear();
      },
    },
  );
};
