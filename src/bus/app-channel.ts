import { navigatePage, type NavigateOptions } from '../sandbox/patchers/route-state.js';
import { qiankunGlobalState } from '../sandbox/compat/qiankun-state.js';
import type { Portal } from './portal.js';
import { createStoreHandle, type StoreHandle } from './store-handle.js';
import type { StoreState, StoreView } from './store-types.js';
import type { AppBus, BusEnd } from './types.js';

/** Lifecycles an app can register from inside its sandbox (see `src/loader/lifecycles.ts` for the shape). */
export type RegisteredLifecycles = Record<string, unknown>;

/** The API an app finds on its window as `__PORTICO__`: no import from the host needed. */
export interface AppApi {
  /** The app's name (its `<micro-app name>`). */
  readonly name: string;
  /** The data the host passed down (`el.data`), as a copy. */
  readonly data: unknown;
  /** Registers `{ bootstrap?, mount, unmount?, update? }` for Portico to call. */
  register(lifecycles: RegisteredLifecycles): void;
  /** Sends a message up: the host hears a `micro-app-message` event on the element. */
  dispatch(topic: string, detail?: unknown): void;
  /** Calls `listener` with each new `data` from the host; returns the unsubscribe. */
  onData(listener: (data: unknown) => void, fireImmediately?: boolean): () => void;
  /**
   * Moves the portal to `url` (a page URL such as `/todos/3`; the app's own
   * `history` only reaches paths under its route) without a page load: the
   * host's router and the apps routed there follow. See patchers/history.ts.
   */
  navigate(url: string, options?: NavigateOptions): void;
  /** The app's end of the page's bus: publish/subscribe and request/respond with the host and other apps. */
  readonly bus: BusEnd;
  /** The page's `<micro-store name>` ("global" when omitted), as this app may see it; typed by the caller. */
  store<S extends object = StoreState>(name?: string): StoreView<S>;
}

/** The host's side of one app's channel. */
export interface AppChannel {
  readonly api: AppApi;
  /** Lifecycles the app registered, if any. */
  readonly registered: RegisteredLifecycles | undefined;
  /** Hands new data down to the app's listeners (as a copy). */
  setData(data: unknown): void;
  /** Drops every listener the app added, on the channel, the bus and the stores; later messages go nowhere. */
  dispose(): void;
  /**
   * What qiankun does when an app unmounts but stays loaded: its global-state
   * listeners (`props.onGlobalStateChange`) are removed; the next `mount()`
   * registers them again. Everything else stays connected.
   */
  unmounted(): void;
  /**
   * Links the app to the page's bus and stores, for as long as the channel
   * lives, and returns {@link AppChannel.api}. Until then `api.bus` and
   * `api.store()` throw.
   */
  connect(portal: Portal): AppApi;
  /** What the channel adds to the app's lifecycle props: `bus`, `store` and qiankun's global-state actions. */
  readonly props: Record<string, unknown>;
}

/**
 * The channel between a host element and the app inside it. Values cross as
 * structured clones in both directions, so neither side can reach into the
 * other's objects. `send` is how a message leaves the app (the element turns
 * it into a DOM event).
 */
export function createAppChannel(name: string, initial: unknown, send: (topic: string, detail: unknown) => void): AppChannel {
  let data = copy(initial);
  let registered: RegisteredLifecycles | undefined;
  let open = true;
  const listeners = new Set<(data: unknown) => void>();
  let link: { portal: Portal; bus: AppBus; end: BusEnd; stores: Map<string, StoreHandle>; off: () => void } | undefined;
  let props: Record<string, unknown> = {};
  const linked = () => link ?? fail();
  const fail = (): never => {
    throw new Error(`[portico] app "${name}": the bus and stores are not connected${open ? ' yet' : ': the app was unmounted'}.`);
  };

  const api: AppApi = {
    name,
    get data() {
      return copy(data);
    },
    register(lifecycles) {
      registered = lifecycles;
    },
    dispatch(topic, detail) {
      if (open) send(String(topic), copy(detail));
    },
    onData(listener, fireImmediately = false) {
      if (!open) return () => undefined;
      listeners.add(listener);
      if (fireImmediately) listener(copy(data));
      return () => listeners.delete(listener);
    },
    navigate(url, options) {
      if (open) navigatePage(String(url), options);
    },
    get bus() {
      return linked().end;
    },
    store(storeName = 'global') {
      const { portal, stores } = linked();
      const key = String(storeName);
      let handle = stores.get(key);
      if (!handle) stores.set(key, (handle = createStoreHandle(portal, key, name)));
      if (!open) handle.dispose();
      return handle as StoreView as never;
    },
  };

  return {
    api,
    get registered() {
      return registered;
    },
    setData(next) {
      data = copy(next);
      for (const listener of [...listeners]) listener(copy(data));
    },
    dispose() {
      open = false;
      listeners.clear();
      if (!link) return;
      link.off();
      link.bus.dispose();
      for (const handle of link.stores.values()) handle.dispose();
    },
    unmounted() {
      link?.off();
    },
    connect(portal) {
      if (link || !open) return api;
      const bus = portal.bus.connect(name);
      const { dispose: _, ...end } = bus;
      link = { portal, bus, end, stores: new Map(), off: () => undefined };
      const qiankun = qiankunGlobalState(api.store());
      link.off = qiankun.offGlobalStateChange;
      props = { bus: end, store: api.store, ...qiankun };
      return api;
    },
    get props() {
      return props;
    },
  };
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
