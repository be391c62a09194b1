/**
 * The bus's public types. A host declares its topics and requests once and
 * gets them checked everywhere:
 *
 *   interface Topics { 'cart.added': { sku: string; qty: number } }
 *   interface Requests { 'user.get': (id: number) => User }
 *   const bus = busFor<Topics, Requests>(document);
 *   bus.publish('cart.added', { sku: 'a1', qty: 2 });
 *   const user = await bus.request('user.get', 42); // User
 */

/** Any request map entry: a function type from the request's payload to the answer. */
export type AnyRequest = (request: any) => unknown;

/** Topic names of a topic (or request) map. */
export type TopicOf<T> = keyof T & string;

/** The payload a request `K` of map `R` sends. */
export type RequestOf<R, K extends keyof R> = R[K] extends (request: infer Q) => unknown ? Q : unknown;

/** The answer a request `K` of map `R` gets. */
export type ResponseOf<R, K extends keyof R> = R[K] extends (...args: never[]) => infer A ? Awaited<A> : unknown;

/** What a subscriber learns besides the payload. */
export interface BusMessage<K extends string = string> {
  readonly topic: K;
  /** The app that published, or `null` for the host page. */
  readonly from: string | null;
}

/** What a responder learns besides the request's payload. */
export interface RequestContext<K extends string = string> extends BusMessage<K> {
  /** Aborted when the requester cancels, times out or unmounts: stop the work. */
  readonly signal: AbortSignal;
}

/** Options of `subscribe` and `respond`. */
export interface ListenOptions {
  /** Unsubscribes when aborted. */
  signal?: AbortSignal;
}

/** Options of `request`. */
export interface RequestOptions {
  /** Milliseconds to wait for the answer before rejecting with `PORTICO_BUS_TIMEOUT` (default: the bus's, 10000). `Infinity` waits for ever. */
  timeout?: number;
  /** Cancels the request: it rejects with the signal's reason and the responder's signal aborts. */
  signal?: AbortSignal;
}

/**
 * One end of the bus: the host's (`busFor(document)`) or an app's
 * (`window.__PORTICO__.bus`, `props.bus`, `import bus from 'portico:bus'`).
 * Methods need no `this`: `const { publish } = bus` works.
 */
export interface BusEnd<T extends object = Record<string, unknown>, R extends object = Record<string, AnyRequest>> {
  /** The app this end belongs to, or `null` for the host page. */
  readonly app: string | null;
  /**
   * Sends `payload` to every subscriber of `topic`, synchronously and in
   * order. Subscribers in other apps get a deep-frozen copy (one per
   * publish); the sender's own subscribers get the object itself.
   */
  publish<K extends TopicOf<T>>(topic: K, payload: T[K]): void;
  /** Calls `listener` with each later message on `topic`; returns the unsubscribe. */
  subscribe<K extends TopicOf<T>>(topic: K, listener: (payload: T[K], message: BusMessage<K>) => void, options?: ListenOptions): () => void;
  /**
   * Asks the responder of `topic` and resolves with its answer (a copy).
   * Rejects with `PORTICO_BUS_NO_RESPONDER`, `PORTICO_BUS_TIMEOUT`,
   * `PORTICO_BUS_RESPONDER_REJECTED`, or the signal's reason once aborted.
   */
  request<K extends TopicOf<R>>(topic: K, payload: RequestOf<R, K>, options?: RequestOptions): Promise<ResponseOf<R, K>>;
  /** Answers requests on `topic` (the latest live responder of a topic answers); returns the unregister. */
  respond<K extends TopicOf<R>>(
    topic: K,
    handler: (payload: RequestOf<R, K>, context: RequestContext<K>) => ResponseOf<R, K> | PromiseLike<ResponseOf<R, K>>,
    options?: ListenOptions,
  ): () => void;
}

/** An app's end, as the host holds it: disposing it releases everything the app subscribed or asked. */
export interface AppBus<T extends object = Record<string, unknown>, R extends object = Record<string, AnyRequest>> extends BusEnd<T, R> {
  readonly app: string;
  /** Drops the app's subscriptions and responders; its pending requests never settle. Idempotent. */
  dispose(): void;
}

/** The host's end of a bus, which also makes the apps' ends. */
export interface MicroBus<T extends object = Record<string, unknown>, R extends object = Record<string, AnyRequest>> extends BusEnd<T, R> {
  /** Opens the end of app `app`. */
  connect(app: string): AppBus<T, R>;
}
