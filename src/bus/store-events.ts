/**
 * Fired on a `<micro-store>` after each change of its state, whoever made
 * it: the host, an app, or another tab (`remote`). Bubbles and is composed,
 * so a portal can log every store from `document`. Subscribers
 * (`store.subscribe`) have not been called yet when it fires.
 */
export class MicroStoreChangeEvent extends Event {
  /** The store's name. */
  readonly store: string;
  /** The keys that changed. */
  readonly keys: readonly string[];
  /** The app that made the change, or `null` for the host page. */
  readonly from: string | null;
  /** Whether the change came from another tab. */
  readonly remote: boolean;

  constructor(store: string, keys: readonly string[], from: string | null, remote: boolean) {
    super('micro-store-change', { bubbles: true, composed: true });
    this.store = store;
    this.keys = keys;
    this.from = from;
    this.remote = remote;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'micro-store-change': MicroStoreChangeEvent;
  }
}
