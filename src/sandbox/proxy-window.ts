import { bindNative } from './bind-native.js';
import { OverrideAccessor, type SandboxOverrides } from './types.js';

/** Names that must never hand out the real window: they answer the proxy itself. */
const SELF_NAMES = new Set<PropertyKey>(['window', 'self', 'globalThis', 'top', 'parent', 'frames']);

/** The name the evaluator's wrapper uses for its context; the `with` scope must let it through. */
export const CONTEXT_NAME = '__portico__';

/** A sandbox window and the object that holds what the app wrote to it. */
export interface ProxyWindow {
  /** What app code sees as `window`, `self`, `globalThis` and top-level `this`. */
  readonly proxy: Window & typeof globalThis;
  /** The `with` scope for classic scripts: every free identifier resolves here. */
  readonly scope: object;
  /** The app's own globals; dropping it drops them all. */
  readonly own: Record<PropertyKey, unknown>;
  /** The last global property the app created (qiankun finds UMD lifecycles through it). */
  lastAssigned(): PropertyKey | undefined;
}

/**
 * Builds the Proxy window of one sandbox. Writes land in `own`, never on the
 * host; reads fall through to the real window, with native methods bound to
 * it. `document` is the app's proxy document and the self-references answer
 * the proxy.
 */
export function createProxyWindow(
  real: Window & typeof globalThis,
  overrides: SandboxOverrides,
  document: () => Document,
): ProxyWindow {
  const own: Record<PropertyKey, unknown> = Object.create(null);
  let last: PropertyKey | undefined;

  const proxy = new Proxy(own, {
    get(target, key) {
      if (SELF_NAMES.has(key)) return proxy;
      if (key === 'document') return document();
      if (overrides.window.has(key)) return readOverride(overrides.window.get(key));
      if (Object.prototype.hasOwnProperty.call(target, key)) return Reflect.get(target, key, proxy);
      return bindNative(Reflect.get(real, key), real);
    },
    set(target, key, value) {
      if (!Object.prototype.hasOwnProperty.call(target, key)) last = key;
      if (overrides.window.has(key) && !Object.prototype.hasOwnProperty.call(target, key)) {
        writeOverride(overrides.window, key, value);
        return true;
      }
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (descriptor && !('value' in descriptor)) return Reflect.set(target, key, value, proxy);
      if (descriptor && !descriptor.writable) return false;
      return Reflect.defineProperty(target, key, {
        value,
        writable: true,
        enumerable: descriptor?.enumerable ?? true,
        configurable: descriptor?.configurable ?? true,
      });
    },
    has(target, key) {
      return key in target || overrides.window.has(key) || key in real;
    },
    deleteProperty(target, key) {
      return Reflect.deleteProperty(target, key);
    },
    defineProperty(target, key, descriptor) {
      if (!Object.prototype.hasOwnProperty.call(target, key)) last = key;
      return Reflect.defineProperty(target, key, descriptor);
    },
    getOwnPropertyDescriptor(target, key) {
      const mine = Reflect.getOwnPropertyDescriptor(target, key);
      if (mine) return mine;
      const theirs = Reflect.getOwnPropertyDescriptor(real, key);
      // The proxy may not report a property as non-configurable unless the
      // target has it so; the host's window has many such (document, top…).
      return theirs && { ...theirs, configurable: true };
    },
    ownKeys(target) {
      return [...new Set([...Reflect.ownKeys(target), ...Reflect.ownKeys(real)])];
    },
    getPrototypeOf() {
      return Reflect.getPrototypeOf(real);
    },
  }) as unknown as Window & typeof globalThis;

  // The `with` scope answers "yes" for every name, so an implicit global
  // (`x = 1` without `var`) lands in the sandbox instead of on the host.
  // Reading a name nobody defined gives undefined rather than a
  // ReferenceError; `typeof x` and UMD sniffing are unaffected.
  const scope = new Proxy(own, {
    has: (_, key) => key !== CONTEXT_NAME && key !== Symbol.unscopables,
    get: (_, key) => (key === Symbol.unscopables ? undefined : Reflect.get(proxy, key)),
    set: (_, key, value) => Reflect.set(proxy, key, value),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(proxy, key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(proxy, key, descriptor),
  });

  return { proxy, scope, own, lastAssigned: () => last };
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
