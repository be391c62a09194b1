import type { StoreState, StoreView } from '../../bus/store-types.js';
import { storeOrWarn } from './store-or-warn.js';

type GlobalListener = (data: StoreState) => unknown;

/** micro-app's global-data methods of `window.microApp`. */
export interface MicroAppGlobalData {
  getGlobalData(): StoreState | null;
  addGlobalDataListener(listener: GlobalListener, autoTrigger?: boolean): void;
  removeGlobalDataListener(listener: GlobalListener): void;
  clearGlobalDataListener(): void;
  setGlobalData(data: StoreState, nextStep?: (results: unknown[]) => void, force?: boolean): void;
  forceSetGlobalData(data: StoreState, nextStep?: (results: unknown[]) => void): void;
  clearGlobalData(): void;
}

/**
 * micro-app's global data (jd-opensource/micro-app docs/zh-cn/data.md, the
 * `EventCenterForGlobal` of its `interact` module) for a sub-app written for
 * it, backed by the page's default `<micro-store>`: the host plays
 * micro-app's `microApp.setGlobalData` by setting the store, and apps written
 * for qiankun's global state or for Portico's store see the same data.
 * - `getGlobalData()`: a copy of the state, or `null` when it is empty;
 * - `addGlobalDataListener(cb, autoTrigger)`: `cb(state)` after each change
 *   (and at once with `autoTrigger`, when there is data), with a copy;
 * - `setGlobalData(data, nextStep)`: merges `data` (top-level keys replaced,
 *   as micro-app's `assign`); `nextStep` gets the values this app's
 *   listeners returned for it (micro-app collects every app's: the others
 *   run in their own sandboxes and answer through their own adapter);
 *   `forceSetGlobalData` is the same, since the store always notifies;
 * - `clearGlobalData()` empties the store, for every app, as micro-app's does.
 * The store's permissions apply and throw `PORTICO_STORE_FORBIDDEN`. Without
 * a store in the page, the methods warn once and do nothing.
 */
export function microAppGlobalData(store: StoreView): MicroAppGlobalData {
  const listeners = new Map<GlobalListener, () => void>();
  let results: unknown[] | undefined;
  const withStore = storeOrWarn(store, "micro-app's global data");

  const api: MicroAppGlobalData = {
    getGlobalData: () => withStore((view) => (Object.keys(view.get()).length ? structuredClone(view.get()) : null), null),
    addGlobalDataListener(listener, autoTrigger) {
      if (typeof listener !== 'function' || listeners.has(listener)) return;
      withStore((view) => {
        const immediate = !!autoTrigger && Object.keys(view.get()).length > 0;
        const call = (state: Readonly<StoreState>) => {
          const answer = listener(structuredClone(state));
          results?.push(answer);
        };
        listeners.set(listener, view.subscribe(call, { immediate }));
      }, undefined);
    },
    removeGlobalDataListener(listener) {
      listeners.get(listener)?.();
      listeners.delete(listener);
    },
    clearGlobalDataListener() {
      for (const off of listeners.values()) off();
      listeners.clear();
    },
    setGlobalData(data, nextStep) {
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        console.error('[micro-app] event-center: data must be object');
        return;
      }
      const answered = withStore((view) => {
        // The store notifies synchronously: what this app's listeners return is collected meanwhile.
        results = [];
        try {
          view.set(data);
          return results;
        } finally {
          results = undefined;
        }
      }, undefined);
      if (answered && typeof nextStep === 'function') nextStep(answered);
    },
    forceSetGlobalData: (data, nextStep) => api.setGlobalData(data, nextStep),
    clearGlobalData() {
      withStore((view) => view.set(Object.fromEntries(Object.keys(view.get()).map((key) => [key, undefined]))), undefined);
    },
  };
  return api;
}
