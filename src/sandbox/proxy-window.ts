import { createFallbackObject, defineOwn } from './fallback-proxy.js';
import { createGlobalWatch } from './global-watch.js';
import { touchHostGlobal } from './host-guard.js';
import type { SandboxOverrides } from './types.js';

/** Names that must never hand out the real window: they answer the app's own window. */
const realEval = globalThis.eval;

const SELF_NAMES = new Set<PropertyKey>(['window', 'self', 'globalThis', 'top', 'parent', 'frames']);

/** The name the evaluator's wrapper uses for its context; the `with` scope must let it through. */
export const CONTEXT_NAME = '__portico__';

/** A sandbox window and the object that holds what the app wrote to it. */
export interface ProxyWindow {
  /** What app code sees as `window`, `self`, `globalThis` and top-level `this`. */
  readonly proxy: Window & typeof globalThis;
  /** The `with` scope for classic scripts: every free identifier that is not a parameter resolves here. */
  readonly scope: object;
  /** The app's own globals (the same object as `proxy`); dropping it drops them all. */
  readonly own: Record<PropertyKey, unknown>;
  /** The last global property the app created (qiankun finds UMD lifecycles through it). */
  lastAssigned(): PropertyKey | undefined;
  /** Calls `onChange(name)` after each write of one of `names` on the window (see global-watch.ts). */
  watch(names: readonly string[], onChange: (name: string) => void): void;
}

/**
 * Builds the window of one sandbox.
 *
 * The app's window is an ordinary object holding the app's own globals, whose
 * prototype is a Proxy that answers everything the app has not set: the
 * patchers' overrides, the app's document, the self-references, and the real
 * window's members (native methods bound to it). Reads and writes of the app's
 * own globals (`window.x = window.x + 1`) therefore run as ordinary property
 * accesses, with no trap; only misses and first writes reach the proxy. A
 * first write lands on the app's object, never on the host.
 */
export function createProxyWindow(
  real: Window & typeof globalThis,
  overrides: SandboxOverrides,
  document: () => Document,
): ProxyWindow {
  let last: PropertyKey | undefined;
  let own: Record<PropertyKey, unknown>;
  let watched: ReturnType<typeof createGlobalWatch> | undefined;

  own = createFallbackObject({
    real,
    overrides: overrides.window,
    claims: overrides.claims.window,
    special: (key) => (SELF_NAMES.has(key) ? { value: own } : key === 'document' ? { value: document() } : undefined),
    write(key, value, receiver) {
      last = key;
      return (receiver === own && watched?.define(key, value)) || defineOwn(receiver, key, value);
    },
    overridden: (key) => watched?.changed(key),
    read: touchHostGlobal,
  });

  // The `with` scope answers "yes" for every name, so an implicit global
  // (`x = 1` without `var`) lands in the sandbox instead of on the host.
  // Reading a name nobody defined gives undefined rather than a
  // ReferenceError; `typeof x` and UMD sniffing are unaffected.
  const scope = new Proxy(Object.create(null) as object, {
    has: (_, key) => key !== CONTEXT_NAME && key !== Symbol.unscopables,
    // The identifier `eval` must be the real one, or `eval(code)` stops being a
    // direct eval with access to local variables; indirect uses are rewritten
    // by the evaluator to the sandbox's eval.
    get: (_, key) => (key === Symbol.unscopables ? undefined : key === 'eval' ? realEval : own[key]),
    // A first write reaches the fallback's `set` trap, which records it.
    set: (_, key, value) => Reflect.set(own, key, value),
  });

  return {
    proxy: own as unknown as Window & typeof globalThis,
    scope,
    own,
    lastAssigned: () => last,
    // Created on first use: only apps with ES modules watch their globals.
    watch: (names, onChange) => (watched ??= createGlobalWatch(own)).watch(names, onChange),
  };
}
