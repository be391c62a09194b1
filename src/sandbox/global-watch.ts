/**
 * Tells interested parties when the app writes certain globals on its
 * window. ES modules need this: they cannot be run inside `with`, so a bare
 * identifier such as `Zone` or `Promise` in a module reaches the app's window
 * only through an import binding (see loader/module-globals.ts), and that
 * binding must follow the window when the app writes the global later
 * (zone.js sets `globalThis.Zone`, then replaces `Promise` and
 * `setTimeout`, and the app's next module reads them bare).
 *
 * A watched global that is an ordinary value on the app's window becomes an
 * accessor with the same value, so every later write is seen, not only the
 * first (which the window's fallback proxy traps anyway). Writes to an
 * override (a patcher's `setTimeout`) always reach the proxy, which reports
 * them through {@link GlobalWatch.changed}.
 */
export interface GlobalWatch {
  /** Calls `onChange(name)` after each write of one of `names` on the app's window. */
  watch(names: readonly string[], onChange: (name: string) => void): void;
  /** Defines a first write of a watched key on `own`; false when `key` is not watched (the caller stores it). */
  define(key: PropertyKey, value: unknown): boolean;
  /** Reports a write the fallback proxy saw (an override written). */
  changed(key: PropertyKey): void;
}

/** The watch over the app's own window object `own`. */
export function createGlobalWatch(own: Record<PropertyKey, unknown>): GlobalWatch {
  const listeners = new Map<PropertyKey, ((name: string) => void)[]>();
  const changed = (key: PropertyKey) => {
    for (const listener of listeners.get(key) ?? []) listener(key as string);
  };

  /** Makes `own[key]` an accessor that reports its writes; keeps its value, its enumerability and an existing setter. */
  const observe = (key: PropertyKey, value: unknown, enumerable = true, setter?: (value: unknown) => void, getter?: () => unknown) => {
    let slot = value;
    return Reflect.defineProperty(own, key, {
      configurable: true,
      enumerable,
      get: getter ?? (() => slot),
      set(next: unknown) {
        if (setter) setter.call(own, next);
        else slot = next;
        changed(key);
      },
    });
  };

  return {
    watch(names, onChange) {
      for (const name of names) {
        const list = listeners.get(name);
        if (list) {
          list.push(onChange);
          continue;
        }
        listeners.set(name, [onChange]);
        const current = Reflect.getOwnPropertyDescriptor(own, name);
        // A non-configurable or read-only global cannot change through a write: nothing to follow.
        if (!current?.configurable) continue;
        if ('value' in current) {
          if (current.writable) observe(name, current.value, current.enumerable);
        } else if (current.set) {
          observe(name, undefined, current.enumerable, current.set, current.get);
        }
      }
    },
    define(key, value) {
      if (!listeners.has(key)) return false;
      observe(key, value);
      changed(key);
      return true;
    },
    changed,
  };
}
