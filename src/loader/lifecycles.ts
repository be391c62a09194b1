import { deadline } from './deadline.js';

/** A lifecycle hook: single-spa allows a function or an array of them, run in order. */
export type LifecycleHook<P> = ((props: P) => unknown) | ReadonlyArray<(props: P) => unknown>;

/** The lifecycles a sub-app may export (qiankun / single-spa shape). All optional for Portico. */
export interface Lifecycles<P = unknown> {
  bootstrap?: LifecycleHook<P>;
  mount?: LifecycleHook<P>;
  unmount?: LifecycleHook<P>;
  update?: LifecycleHook<P>;
}

/** Where lifecycles can be found once an app's scripts have run. */
export interface LifecycleSources {
  /** The app's name. */
  name: string;
  /** The sandbox's own globals. */
  globals: Record<PropertyKey, unknown>;
  /** Lifecycles the app registered through `window.__PORTICO__.register()`. */
  registered?: Lifecycles;
  /** The last global the app's entry script created (webpack UMD `library`). */
  lastAssigned?: PropertyKey;
}

const QIANKUN = ['bootstrap', 'mount', 'unmount'] as const;

const isHook = (value: unknown) => typeof value === 'function' || (Array.isArray(value) && value.every((f) => typeof f === 'function'));

/**
 * Reads lifecycles off an exported object. `required` names the hooks that
 * must all be there: qiankun-style discovery through globals asks for
 * bootstrap, mount and unmount, so an unrelated global with a `mount` method
 * (a Vue 3 app object, say) is never mistaken for lifecycles.
 */
function asLifecycles(value: unknown, required: readonly (keyof Lifecycles)[] = ['mount']): Lifecycles | undefined {
  if (!value || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  const candidate = value as Record<string, unknown>;
  // A webpack UMD library can nest its exports under `default`.
  const source = !isHook(candidate.mount) && candidate.default ? (candidate.default as Record<string, unknown>) : candidate;
  if (!required.every((key) => isHook(source[key]))) return undefined;
  const found: Lifecycles = {};
  for (const key of ['bootstrap', 'mount', 'unmount', 'update'] as const) {
    if (isHook(source[key])) found[key] = source[key] as LifecycleHook<unknown>;
  }
  return found;
}

/**
 * Finds an app's lifecycles, in this order:
 * 1. registered through Portico's API (`window.__PORTICO__.register`);
 * 2. qiankun: the last global the entry created, then `window[name]`;
 * 3. micro-app UMD mode: `window['micro-app-' + name]`, then `window.mount`/`window.unmount`;
 * 4. wujie: `window.__WUJIE_MOUNT`/`window.__WUJIE_UNMOUNT`.
 * Returns undefined for an app that exports none, which is fine: it rendered
 * itself when its scripts ran (zero-change onboarding).
 */
export function findLifecycles({ name, globals, registered, lastAssigned }: LifecycleSources): Lifecycles | undefined {
  const own = (key: PropertyKey) => (Object.prototype.hasOwnProperty.call(globals, key) ? globals[key] : undefined);
  return (
    (registered && asLifecycles(registered)) ??
    (lastAssigned !== undefined ? asLifecycles(own(lastAssigned), QIANKUN) : undefined) ??
    asLifecycles(own(name), QIANKUN) ??
    asLifecycles(own(`micro-app-${name}`)) ??
    asLifecycles({ mount: own('mount'), unmount: own('unmount') }, ['mount', 'unmount']) ??
    asLifecycles({ mount: own('__WUJIE_MOUNT'), unmount: own('__WUJIE_UNMOUNT') })
  );
}

/**
 * Calls a hook (or each hook of an array, in order) and waits for it, giving
 * up after `timeout` ms, or as soon as `signal` aborts (the element went
 * while the hook was pending: the wait must not keep the torn-down app
 * reachable until the timeout).
 */
export async function callHook<P>(hook: LifecycleHook<P> | undefined, props: P, timeout: number, signal?: AbortSignal): Promise<'done' | 'timeout'> {
  if (!hook) return 'done';
  const hooks = typeof hook === 'function' ? [hook] : hook;
  const wait = deadline(timeout, signal);
  const run = (async () => {
    for (const fn of hooks) await fn(props);
    return 'done' as const;
  })();
  try {
    return (await Promise.race([run, wait.ended])) === 'timeout' ? 'timeout' : 'done';
  } finally {
    wait.clear();
  }
}
