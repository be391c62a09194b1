import type { StoreView } from '../../bus/store-types.js';
import { PorticoError } from '../../errors.js';

/** Runs an action on the store, or returns `fallback` when the page has none (see {@link storeOrWarn}). */
export type WithStore = <T>(action: (store: StoreView) => T, fallback: T) => T;

/**
 * For another shell's state API over the page's default `<micro-store>`
 * (qiankun-state.ts, micro-app-global.ts): runs each action on `store`, and
 * when the page has no store, warns once that `what` does nothing until
 * there is one and returns the action's fallback, as those shells' APIs do
 * before their state is set up.
 */
export function storeOrWarn(store: StoreView, what: string): WithStore {
  let warned = false;
  return (action, fallback) => {
    try {
      return action(store);
    } catch (error) {
      if (!(error instanceof PorticoError) || error.code !== 'PORTICO_STORE_MISSING') throw error;
      if (!warned) console.warn(`${error.message} ${what} does nothing until there is one.`);
      warned = true;
      return fallback;
    }
  };
}
