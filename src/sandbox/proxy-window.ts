import { bindNative } from './bind-native.js';
import { OverrideAccessor, type SandboxOverrides } from './types.js';

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

  const fallback = new Proxy(Object.create(null) as object, {
    get(_, key) {
      if (SELF_NAMES.has(key)) return own;
      if (key === 'document') return document();
      if (overrides.window.has(key)) return readOverride(overrides.window.get(key));
      const value = Reflect.get(real, key);
      // Object.prototype's methods (hasOwnProperty, toString…) must act on the app's window, not the host's.
      return key in Object.prototype ? value : bindNative(value, real);
    },
    set(_, key, value, receiver) {
      if (overrides.window.has(key)) {
        writeOverride(overrides.window, key, value);
        return true;
      }
      last = key;
      return Reflect.defineProperty(receiver, key, { value, writable: true, enumerable: true, configurable: true });
    },
    has: (_, key) => overrides.window.has(key) || key in real,
    getOwnPropertyDescriptor: () => undefined,
    defineProperty: () => false,
    getPrototypeOf: () => Reflect.getPrototypeOf(real),
  });
  own = Object.create(fallback) as Record<PropertyKey, unknown>;

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
  };
}

/** The value of an override: an accessor's `get()`, or the stored value. */
export function readOverride(value: unknown): unknown {
  return value instanceof OverrideAccessor ? value.get() : value;
}

/** Writes an override: through an accessor's `set()`, or by storing the value. */
export function writeOverride(map: Map<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
  const current = map.get(key);
  if (current instanceof OverrideAccessor) current.set(value);
  else map.set(key, value);
}
