import type { StoreState, StoreView } from '../../bus/store-types.js';
import { storeOrWarn } from './store-or-warn.js';

type StateListener = (state: StoreState, previous: StoreState) => void;

/** qiankun's global-state actions, as its `mount(props)` hands them to a sub-app. */
export interface QiankunGlobalState {
  onGlobalStateChange(callback: StateListener, fireImmediately?: boolean): void;
  setGlobalState(state?: StoreState): boolean;
  offGlobalStateChange(): boolean;
}

/**
 * qiankun's global state (umijs/qiankun `src/globalState.ts`), backed by the
 * page's default `<micro-store>`, so an app written for it runs unchanged:
 * - `onGlobalStateChange(cb, fireImmediately)`: one listener per app (a new
 *   one replaces the old, as in qiankun), called as `cb(state, previous)`
 *   with copies it may change freely (qiankun deep-clones too);
 * - `setGlobalState(state)`: only keys the state already has change (qiankun:
 *   "not declared when init state"), returns whether anything changed; the
 *   store's permissions apply and throw `PORTICO_STORE_FORBIDDEN`;
 * - `offGlobalStateChange()`.
 * The host plays qiankun's `initGlobalState` by setting the store (or its
 * `defaults`). Without a store in the page the actions warn once and do
 * nothing, as qiankun's do without `initGlobalState`.
 */
export function qiankunGlobalState(store: StoreView): QiankunGlobalState {
  let off: (() => void) | undefined;
  const withStore = storeOrWarn(store, "qiankun's global state");

  return {
    onGlobalStateChange(callback, fireImmediately) {
      if (typeof callback !== 'function') {
        console.error('[qiankun] callback must be function!');
        return;
      }
      off?.();
      off = withStore(
        () =>
          store.subscribe((state, change) => callback(structuredClone(state), structuredClone(change.previous)) as void, {
            immediate: !!fireImmediately,
          }),
        undefined,
      );
    },
    setGlobalState(state = {}) {
      return withStore(() => {
        const current = store.get();
        const patch: StoreState = {};
        for (const key of Object.keys(state)) {
          if (key in current) patch[key] = state[key];
          else console.warn(`[qiankun] '${key}' not declared when init state！`);
        }
        if (!Object.keys(patch).length) {
          console.warn('[qiankun] state has not changed！');
          return false;
        }
        store.set(patch);
        return true;
      }, false);
    },
    offGlobalStateChange() {
      off?.();
      off = undefined;
      return true;
    },
  };
}
