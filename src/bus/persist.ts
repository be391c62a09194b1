/** Saves and loads one store's state in Web Storage. */
export interface Persistence {
  /** The saved state, or undefined when there is none (or it cannot be read). */
  load(): Record<string, unknown> | undefined;
  /** Saves `state` at the end of the current task's microtasks: many sets in a row write once. */
  save(state: Readonly<Record<string, unknown>>): void;
}

/**
 * Persistence for `<micro-store persist="session|local">`: the state as JSON
 * under `key` in `storage` (`sessionStorage` survives a reload of the tab,
 * `localStorage` also a new tab or a restart). Values JSON cannot hold (Map,
 * Set, Date as an object, `undefined` in arrays) come back as JSON makes
 * them. A full or disabled storage logs a warning; the store goes on in
 * memory.
 */
export function createPersistence(storage: Storage, key: string): Persistence {
  let pending: Readonly<Record<string, unknown>> | undefined;
  const warn = (what: string, error: unknown) => console.warn(`[portico] <micro-store>: could not ${what} "${key}":`, error);
  return {
    load() {
      try {
        const text = storage.getItem(key);
        const value: unknown = text ? JSON.parse(text) : undefined;
        return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      } catch (error) {
        warn('read', error);
        return undefined;
      }
    },
    save(state) {
      const scheduled = pending !== undefined;
      pending = state;
      if (scheduled) return;
      queueMicrotask(() => {
        const latest = pending;
        pending = undefined;
        try {
          storage.setItem(key, JSON.stringify(latest));
        } catch (error) {
          warn('write', error);
        }
      });
    },
  };
}
