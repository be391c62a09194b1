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
}

/** The host's side of one app's channel. */
export interface AppChannel {
  readonly api: AppApi;
  /** Lifecycles the app registered, if any. */
  readonly registered: RegisteredLifecycles | undefined;
  /** Hands new data down to the app's listeners (as a copy). */
  setData(data: unknown): void;
  /** Drops every listener the app added; later messages go nowhere. */
  dispose(): void;
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
    },
  };
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
