import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { createAccess, type StorePermissions } from '../bus/permissions.js';
import { createPersistence, type Persistence } from '../bus/persist.js';
import { portalOf } from '../bus/portal.js';
import { createStore, type StoreCommit, type StoreCore } from '../bus/store.js';
import { MicroStoreChangeEvent } from '../bus/store-events.js';
import type { StoreState, StoreView } from '../bus/store-types.js';
import { createTabSync, type TabSync } from '../bus/tab-sync.js';

/** Where `persist` keeps the state. */
export type StorePersistence = 'session' | 'local';

/**
 * A state store shared by the host page and its apps. Declare it once:
 *
 *   <micro-store name="global" persist="local" sync></micro-store>
 *
 * The host uses the element itself (`get`, `set`, `subscribe`,
 * `unsubscribe`, unrestricted); apps reach it without importing anything, as
 * `window.__PORTICO__.store('global')`, `props.store()`, qiankun's
 * `props.onGlobalStateChange`/`setGlobalState`, or `import store from
 * 'portico:store'` in ES-module apps, each checked against `permissions`.
 * Values are deep-frozen copies. Renders nothing.
 *
 * @summary A shared, permissioned, optionally persistent and cross-tab store.
 * @tag micro-store
 *
 * @attr name - The store's name; apps ask for it by name. Default "global" (the store `store()` and qiankun apps use).
 * @attr persist - "session" or "local": keep the state in sessionStorage or localStorage, so it survives a reload.
 * @attr sync - Keep the state in step across the portal's tabs (BroadcastChannel).
 * @attr permissions - JSON form of the `permissions` property.
 * @attr defaults - JSON form of the `defaults` property.
 *
 * @fires {MicroStoreChangeEvent} micro-store-change - The state changed (`keys`, `from`, `remote`).
 */
export class MicroStoreElement<S extends object = StoreState> extends ReactiveElement {
  static override properties = {
    name: { type: String },
    persist: { type: String },
    sync: { type: Boolean },
    permissions: { type: Object },
    defaults: { type: Object },
  };

  /** The store's name (default "global"). */
  declare name: string;
  /** Where the state persists: "session", "local", or nowhere. */
  declare persist: StorePersistence | null | undefined;
  /** Whether the state is kept in step across tabs. */
  declare sync: boolean;
  /** Who may read and write which keys (see {@link StorePermissions}); none: every app may do anything. */
  declare permissions: StorePermissions | null | undefined;
  /**
   * Values for keys nobody has set: applied when the element connects, under
   * anything saved or held by other tabs, and never sent to other tabs. Use
   * this, not `set`, for a portal's initial state.
   */
  declare defaults: Partial<S> | null | undefined;

  /** The whole state, or one key's value (a deep-frozen copy). */
  declare readonly get: StoreView<S>['get'];
  /** Merges a patch (or sets one key) and notifies subscribers synchronously. */
  declare readonly set: StoreView<S>['set'];
  /** Subscribes to the whole state or to one key; returns the unsubscribe. */
  declare readonly subscribe: StoreView<S>['subscribe'];
  /** Removes every subscription of a listener made through the element. */
  declare readonly unsubscribe: StoreView<S>['unsubscribe'];

  readonly #core: StoreCore<S>;
  #attached: { name: string; key: string; sync?: TabSync; persistence?: Persistence } | undefined;
  #loaded = new Set<string>();
  #quiet = false;

  constructor() {
    super();
    this.name = 'global';
    this.sync = false;
    this.#core = createStore<S>({
      name: () => this.name,
      access: createAccess(() => this.permissions),
      onCommit: (commit) => this.#committed(commit),
    });
    const host = this.#core.view(null);
    Object.assign(this, { get: host.get, set: host.set, subscribe: host.subscribe, unsubscribe: host.unsubscribe });
  }

  /** Nothing to render: no shadow root. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.isConnected) this.#attach();
    if (changed.has('defaults') && this.#attached) this.#applyDefaults();
  }

  /** Registers the store with the page's portal, loads what was saved, and joins the other tabs. */
  #attach(): void {
    const name = this.name || 'global';
    const key = `${name}\n${this.persist ?? ''}\n${this.sync}`;
    if (this.#attached?.key === key) return;
    this.#detach();
    const stores = portalOf(this.ownerDocument).stores;
    if (stores.has(name)) console.warn(`[portico] <micro-store name="${name}"> is declared twice; apps use the first one connected.`);
    else stores.set(name, this.#core as StoreCore);
    const storage = this.#storage();
    const persistence = storage && createPersistence(storage, `portico-store:${name}`);
    this.#attached = { name, key, persistence };
    this.#applyDefaults();
    if (persistence && !this.#loaded.has(name)) {
      this.#loaded.add(name);
      const saved = persistence.load();
      if (saved) this.#quietly(() => this.#core.apply(saved, null, false));
    }
    if (this.sync && typeof BroadcastChannel === 'function') {
      this.#attached.sync = createTabSync({
        channel: new BroadcastChannel(`portico-store:${name}`),
        snapshot: () => this.#core.snapshot(),
        apply: (patch, from) => this.#core.apply(patch, from, true),
        askState: this.persist !== 'local',
      });
    }
  }

  #detach(): void {
    const attached = this.#attached;
    if (!attached) return;
    this.#attached = undefined;
    attached.sync?.close();
    const stores = portalOf(this.ownerDocument).stores;
    if (stores.get(attached.name) === (this.#core as StoreCore)) stores.delete(attached.name);
  }

  #storage(): Storage | undefined {
    try {
      return this.persist === 'local' ? localStorage : this.persist === 'session' ? sessionStorage : undefined;
    } catch {
      return undefined; // storage is disabled (opaque origin, privacy settings): memory only
    }
  }

  #applyDefaults(): void {
    const current = this.#core.snapshot();
    const missing = Object.entries(this.defaults ?? {}).filter(([key]) => !(key in current));
    if (missing.length) this.#quietly(() => this.#core.apply(Object.fromEntries(missing), null, false));
  }

  /** Runs a change that other tabs must not hear of (defaults, saved state). */
  #quietly(change: () => void): void {
    this.#quiet = true;
    try {
      change();
    } finally {
      this.#quiet = false;
    }
  }

  #committed(commit: StoreCommit): void {
    const attached = this.#attached;
    attached?.persistence?.save(this.#core.snapshot());
    if (!commit.remote && !this.#quiet) attached?.sync?.send(commit.patch, commit.from);
    this.dispatchEvent(new MicroStoreChangeEvent(this.name, commit.keys, commit.from, commit.remote));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'micro-store': MicroStoreElement;
  }
}
