import { bindNative } from './bind-native.js';
import { OverrideAccessor, type OverrideClaim } from './types.js';

/** How one of the app's views (window, document) answers what the app did not set itself. */
export interface FallbackOptions {
  /** The host object the view falls through to. */
  real: object;
  /** The patchers' overrides for this view. */
  overrides: Map<PropertyKey, unknown>;
  /** The patchers' overrides made on first use for this view. */
  claims?: readonly OverrideClaim[];
  /** Keys answered before the overrides (the window's self-references); `undefined` to pass. */
  special?: (key: PropertyKey) => { value: unknown } | undefined;
  /** A first write of a key that is not an override: store it on `receiver`, or send it to the host. */
  write: (key: PropertyKey, value: unknown, receiver: object) => boolean;
  /** Told after the app wrote an override (`window.setTimeout = …`). */
  overridden?: (key: PropertyKey) => void;
  /** Told of each value read from the host object (see host-guard.ts `touchHostGlobal`). */
  read?: (key: PropertyKey, value: unknown) => void;
}

/**
 * Creates the object an app sees as its `window` or `document`: an ordinary
 * object for what the app sets (so its own reads and writes cost no trap),
 * whose prototype is a Proxy that answers the rest: the overrides, then the
 * host object, its native methods bound to it.
 */
export function createFallbackObject({ real, overrides, claims = [], special, write, overridden: onOverride, read }: FallbackOptions): Record<PropertyKey, unknown> {
  const overridden = (key: PropertyKey) => overrides.has(key) || claims.some((c) => c.claim(key));
  const fallback = new Proxy(Object.create(null) as object, {
    get(_, key) {
      const answer = special?.(key);
      if (answer) return answer.value;
      if (overridden(key)) return readOverride(overrides.get(key));
      const value = Reflect.get(real, key);
      read?.(key, value);
      // Object.prototype's methods (hasOwnProperty, toString…) must act on the app's object, not the host's.
      return key in Object.prototype ? value : bindNative(value, real);
    },
    set(_, key, value, receiver) {
      if (!overridden(key)) return write(key, value, receiver);
      writeOverride(overrides, key, value);
      onOverride?.(key);
      return true;
    },
    has: (_, key) => overridden(key) || key in real,
    getOwnPropertyDescriptor: () => undefined,
    defineProperty: () => false,
    getPrototypeOf: () => Reflect.getPrototypeOf(real),
  });
  return Object.create(fallback) as Record<PropertyKey, unknown>;
}

/** Defines `key` on `receiver` as an ordinary, writable, enumerable global. */
export function defineOwn(receiver: object, key: PropertyKey, value: unknown): boolean {
  return Reflect.defineProperty(receiver, key, { value, writable: true, enumerable: true, configurable: true });
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

/** Adds `claim` to a view's claims (see OverrideClaim); returns what takes it off again, for a patcher's teardown. */
export function addClaim(claims: OverrideClaim[], claim: OverrideClaim): () => void {
  claims.push(claim);
  return () => void claims.splice(claims.indexOf(claim), 1);
}
