/**
 * The store's public types. A host declares its state once and gets keys
 * and values checked:
 *
 *   interface State { user: { name: string } | null; theme: 'light' | 'dark' }
 *   const store = document.querySelector<MicroStoreElement<State>>('micro-store')!;
 *   store.set({ theme: 'dark' });
 *   store.subscribe('user', (user) => …);
 */

/** Any store state: an object of top-level keys. */
export type StoreState = Record<string, unknown>;

/** What a whole-state subscriber learns with the new state. */
export interface StoreChange<S extends object = StoreState> {
  /** The keys that changed (those the receiver may read). */
  readonly keys: ReadonlyArray<keyof S & string>;
  /** The state before the change, as the receiver may read it. */
  readonly previous: Readonly<Partial<S>>;
  /** The app that made the change, or `null` for the host page (or a value loaded from storage). */
  readonly from: string | null;
  /** Whether the change came from another tab (`sync`). */
  readonly remote: boolean;
}

/** What a key subscriber learns with the key's new value. */
export interface KeyChange<S extends object = StoreState, K extends keyof S = keyof S> {
  readonly key: K;
  readonly previous: Readonly<S[K]> | undefined;
  readonly from: string | null;
  readonly remote: boolean;
}

/** Options of `subscribe`. */
export interface SubscribeOptions {
  /** Also calls the listener at once with the current value (qiankun's `fireImmediately`). */
  immediate?: boolean;
  /** Unsubscribes when aborted. */
  signal?: AbortSignal;
}

/**
 * A store as one party sees it: the host page (the `<micro-store>` element
 * itself, unrestricted) or an app (`window.__PORTICO__.store(name)`,
 * `props.store(name)`, `import store from 'portico:store'`), checked against
 * the store's permissions. Values are deep-frozen copies: nobody can change
 * another's object, and a change always goes through `set`. Methods need no
 * `this`.
 */
export interface StoreView<S extends object = StoreState> {
  /** The store's name (`<micro-store name>`, default "global"). */
  readonly name: string;
  /** The whole state (the keys this party may read). */
  get(): Readonly<Partial<S>>;
  /** One key's value; throws `PORTICO_STORE_FORBIDDEN` when this party may not read it. */
  get<K extends keyof S & string>(key: K): Readonly<S[K]> | undefined;
  /**
   * Merges `patch` into the state (shallow: top-level keys are replaced; a key
   * set to `undefined` is removed) and notifies subscribers synchronously.
   * All or nothing: throws `PORTICO_STORE_FORBIDDEN` if any key may not be
   * written, `PORTICO_BUS_UNCLONEABLE` if a value cannot be copied.
   */
  set(patch: Partial<S>): void;
  /** Sets one key (`undefined` removes it). */
  set<K extends keyof S & string>(key: K, value: S[K] | undefined): void;
  /** Calls `listener` after each change of a key this party may read; returns the unsubscribe. */
  subscribe(listener: (state: Readonly<Partial<S>>, change: StoreChange<S>) => void, options?: SubscribeOptions): () => void;
  /** Calls `listener` after each change of `key`; returns the unsubscribe. */
  subscribe<K extends keyof S & string>(
    key: K,
    listener: (value: Readonly<S[K]> | undefined, change: KeyChange<S, K>) => void,
    options?: SubscribeOptions,
  ): () => void;
  /** Removes every subscription of `listener` made through this view. */
  unsubscribe(listener: (...args: never[]) => unknown): void;
}
