import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { PorticoError, toPorticoError } from '../errors.js';
import { MicroAppErrorEvent, MicroAppMessageEvent, MicroAppStatusEvent } from './events.js';
import { Lifecycle, type MicroAppStatus } from './lifecycle.js';
import { startApp, type RunningApp } from './start-app.js';
import { stopApp } from './stop-app.js';
import { registerInternals } from './internals.js';

/** The app this element runs, keyed by the name and src it was started with. */
interface Running {
  key: string;
  controller: AbortController;
  app?: RunningApp;
}

/** Default for the `timeout` attribute: how long an entry may take to answer, in ms. */
const DEFAULT_TIMEOUT = 20_000;

/**
 * Runs an existing web app, fetched from its HTML entry URL, inside a closed
 * shadow root and a Proxy window sandbox. The app needs no changes; apps that
 * export qiankun/micro-app/wujie lifecycles get them called.
 *
 * @summary An isolated sub-app from an HTML entry URL.
 * @tag micro-app
 *
 * @attr name - Unique id of this instance; the app finds it as `window.__PORTICO__.name`.
 * @attr src - The app's HTML entry URL (cross-origin needs CORS). `url` is accepted as an alias.
 * @attr route - The host path the app is active under (reserved for routing; given to the app as its base route).
 * @attr timeout - Milliseconds the entry and each lifecycle call may take (default 20000).
 *
 * @slot loading - Shown while the app loads and mounts.
 * @slot error - Shown when the app failed; default content is the error message.
 *
 * @fires micro-app-loading - The entry is being fetched.
 * @fires micro-app-mounting - The entry is in the root and its scripts run.
 * @fires micro-app-mounted - The app is up.
 * @fires micro-app-unmounting - The app is being torn down.
 * @fires micro-app-unmounted - Nothing of the app is left.
 * @fires micro-app-error - Loading, running or mounting failed; `event.error.code` says why.
 * @fires micro-app-message - The app sent a message up (`window.__PORTICO__.dispatch`).
 *
 * @csspart error - The default error message.
 */
export class MicroAppElement extends ReactiveElement {
  static override properties = {
    name: { type: String },
    src: { type: String },
    route: { type: String },
    timeout: { type: Number },
    data: { attribute: false },
  };

  /** Unique id of this instance. */
  declare name: string;
  /** The app's HTML entry URL. */
  declare src: string;
  /** The host path the app is active under. */
  declare route: string;
  /** Milliseconds the entry and each lifecycle call may take. */
  declare timeout: number;
  /** Data for the app: reaches it as a copy in its props, `__PORTICO__.data` and `update`. */
  declare data: unknown;

  readonly #root: ShadowRoot;
  readonly #internals: ElementInternals;
  readonly #lifecycle = new Lifecycle((status, previous) => this.#changed(status, previous));
  readonly #slots: Record<'loading' | 'error', HTMLSlotElement>;
  #errorText: HTMLElement;
  #running: Running | undefined;
  /** Serialises starts and stops, so an unmount always finishes before the next load begins. */
  #queue: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.timeout = DEFAULT_TIMEOUT;
    // Closed, and kept in a private field: `el.shadowRoot` is null and lit's
    // public `renderRoot` is the element itself (see createRenderRoot).
    this.#root = this.attachShadow({ mode: 'closed' });
    this.#internals = this.attachInternals();
    const loading = Object.assign(document.createElement('slot'), { name: 'loading', hidden: true });
    const error = Object.assign(document.createElement('slot'), { name: 'error', hidden: true });
    this.#errorText = Object.assign(document.createElement('div'), { part: 'error' });
    this.#errorText.setAttribute('part', 'error');
    error.append(this.#errorText);
    this.#slots = { loading, error };
    this.#root.append(loading, error);
    registerInternals(this, () => ({ root: this.#root, app: this.#running?.app }));
  }

  /** The lifecycle state: idle, loading, mounting, mounted, unmounting, unmounted or error. */
  get status(): MicroAppStatus {
    return this.#lifecycle.status;
  }

  /** Unloads and loads the app again: the way to retry after an error, without reloading the page. */
  reload(): Promise<void> {
    return this.#sync(true);
  }

  /** lit renders nothing here: the app's tree goes into the closed root, which lit must not expose. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (remove + insert in one task) keeps the app running.
    queueMicrotask(() => void this.#sync());
  }

  override attributeChangedCallback(attribute: string, old: string | null, value: string | null): void {
    // micro-app users write `url`; treat it as `src`.
    if (attribute === 'url') this.src = value ?? '';
    super.attributeChangedCallback(attribute, old, value);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'url'];
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('name') || changed.has('src')) void this.#sync();
    if (changed.has('data') && this.#running?.app) this.#running.app.update(this.data);
  }

  /** Brings the running app in line with the element: started when connected with name and src, stopped otherwise. */
  #sync(force = false): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      const key = this.isConnected && this.name && this.src ? `${this.name}\n${this.src}` : '';
      if (!force && this.#running?.key === key) return;
      if (this.#running) await this.#stop();
      if (this.isConnected && (this.name || this.src) && !key) {
        this.#fail(new PorticoError(this.name || '(unnamed)', 'PORTICO_ATTRIBUTE_MISSING', 'name or src is missing'));
      }
      if (key) this.#start(key);
    });
    return this.#queue;
  }

  #start(key: string): void {
    const controller = new AbortController();
    const running: Running = { key, controller };
    this.#running = running;
    this.#lifecycle.to('loading');
    void startApp({
      name: this.name,
      src: this.src,
      route: this.route ?? '',
      timeout: this.timeout,
      data: this.data,
      root: this.#root,
      signal: controller.signal,
      onMounting: () => this.#lifecycle.to('mounting'),
      onApp: (app) => (running.app = app),
      send: (topic, detail) => this.dispatchEvent(new MicroAppMessageEvent(this.name, topic, detail)),
    }).then(
      () => {
        if (!controller.signal.aborted) this.#lifecycle.to('mounted');
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.#queue = this.#queue.then(() => (this.#running === running ? this.#failRunning(running, error) : undefined));
      },
    );
  }

  async #stop(): Promise<void> {
    const running = this.#running;
    if (!running) return;
    this.#running = undefined;
    running.controller.abort(new DOMException('The micro-app was removed or changed.', 'AbortError'));
    const wasMounted = this.status === 'mounted';
    this.#lifecycle.to('unmounting');
    const error = running.app ? await stopApp(running.app, { callUnmount: wasMounted, timeout: this.timeout }) : undefined;
    this.#lifecycle.to('unmounted');
    if (error) this.#report(error);
  }

  /** A load or mount failed: remove whatever the app had made, then show the error. The record stays, so only reload() or a new src retries. */
  async #failRunning(running: Running, error: unknown): Promise<void> {
    const wrapped = toPorticoError(this.name, 'PORTICO_LIFECYCLE_REJECTED', 'the app failed', error);
    const app = running.app;
    running.app = undefined;
    if (app) await stopApp(app, { callUnmount: false, timeout: this.timeout });
    this.#fail(wrapped);
  }

  #fail(error: PorticoError): void {
    this.#errorText.textContent = error.message;
    this.#lifecycle.to('error');
    this.#report(error);
  }

  #report(error: PorticoError): void {
    const event = new MicroAppErrorEvent(this.name, error);
    if (this.dispatchEvent(event)) console.error(error);
  }

  #changed(status: MicroAppStatus, previous: MicroAppStatus): void {
    this.#internals.states.delete(previous);
    this.#internals.states.add(status);
    this.#slots.loading.hidden = status !== 'loading' && status !== 'mounting';
    this.#slots.error.hidden = status !== 'error';
    if (status !== 'idle' && status !== 'error') this.dispatchEvent(new MicroAppStatusEvent(this.name, status, previous));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'micro-app': MicroAppElement;
  }
}
