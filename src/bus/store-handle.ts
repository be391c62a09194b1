import { PorticoError } from '../errors.js';
import type { Portal } from './portal.js';
import type { StoreCore } from './store.js';
import type { StoreView } from './store-types.js';

/** An app's handle on a store, as the host holds it. */
export type StoreHandle = StoreView & { dispose(): void };

/**
 * What `window.__PORTICO__.store(name)` returns inside app `app`: a view of
 * the page's `<micro-store name>` checked against its permissions. The store
 * is looked up on each call, so a handle made before the store element is
 * connected works once it is (until then calls throw
 * `PORTICO_STORE_MISSING`). `dispose` (on unmount) drops every subscription
 * made through the handle and turns later calls into no-ops: a stray callback
 * of an unmounted app can no longer change the store.
 */
export function createStoreHandle(portal: Portal, name: string, app: string): StoreHandle {
  const views = new Map<StoreCore, ReturnType<StoreCore['view']>>();
  let live = true;

  const current = () => {
    const core = portal.stores.get(name);
    if (!core) throw new PorticoError(app, 'PORTICO_STORE_MISSING', `no <micro-store name="${name}"> in the page`);
    let view = views.get(core);
    if (!view) {
      view = core.view(app);
      if (live) views.set(core, view);
      else view.dispose();
    }
    return view;
  };

  return {
    name,
    get: ((key?: string) => (key === undefined ? current().get() : current().get(key))) as StoreView['get'],
    set: ((patch: unknown, value?: unknown) => current().set(patch as never, value as never)) as StoreView['set'],
    subscribe: ((...args: unknown[]) => (current().subscribe as (...a: unknown[]) => () => void)(...args)) as StoreView['subscribe'],
    unsubscribe(listener) {
      for (const view of views.values()) view.unsubscribe(listener);
    },
    dispose() {
      live = false;
      for (const view of views.values()) view.dispose();
      views.clear();
    },
  };
}
