import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { PorticoError, toPorticoError } from '../errors.js';
import type { NavigateOptions } from '../sandbox/patchers/route-state.js';
import { MicroAppErrorEvent, MicroAppMessageEvent, MicroAppStatusEvent, MicroAppVisibilityEvent } from './events.js';
import { hideApp } from './keep-alive.js';
import { Lifecycle, type MicroAppStatus } from './lifecycle.js';
import { navigateApp, routeMatches, watchPageUrl } from './route-match.js';
import { startApp, type AppHost, type RunningApp } from './start-app.js';
import { canPark, parkApp, reviveApp, takeParked } from './app-pool.js';
import { stopApp } from './stop-app.js';
import { registerInternals } from './internals.js';
import { appAssets, prefetch, sheetPlans } from './app-assets.js';
import { originPolicy } from './origin-policy.js';
import type { LeakReport } from '../sandbox/leak-report.js';
import type { MountTiming } from '../loader/mount-timing.js';

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
 * @attr src - The app's HTML entry URL (cross-origin needs CORS).
 * @attr {string} url - Alias of `src` (micro-app's attribute name): setting it sets `src`.
 * @attr route - The path the app is active under: it mounts when the page URL enters it and unmounts when it leaves; inside, the app sees its paths without this prefix. Relative to the parent app's path when nested. Absent: always active.
 * @attr keep-alive - Leaving the route hides the app instead of unmounting it (DOM, state, scroll, sandbox kept); coming back shows it at once.
 * @attr keep-router-state - Opt-in: when the app goes (removed, `src` changed, parked), the page keeps the URL the app navigated to. Without it, if the page is still where the app last moved it, the URL goes back (replaced) to where it was before the app's navigations, so the next element for the app starts at its home, as micro-app does by default.
 * @attr router-mode - `scoped` (default): the app sees its paths without the route prefix. `native`: it sees the page's full path, for apps that set their router's base to the route themselves (qiankun style, micro-app's native mode).
 * @attr timeout - Milliseconds the entry and each lifecycle call may take (default 20000).
 * @attr retry - How many times to retry a failed load by itself, with exponential backoff (0.5 s, 1 s, 2 s… up to 30 s; default 0).
 * @attr prefetch - Fetch (and compile) the app in idle time while it is not active, so mounting it later is instant.
 * @attr park - Opt-in: when the app exports `mount`/`unmount` and is removed (or leaves its route), call its `unmount()` and keep it loaded but dormant instead of tearing it down; the next `<micro-app park>` with the same name, src and route only calls `mount()` again (see app-pool.ts). Without it, every removal is a full teardown and the next element starts fresh.
 * @attr destroy - Never park, even with `park` (micro-app's attribute name); tearing down completely is the default already.
 *
 * @slot loading - Shown while the app loads and mounts.
 * @slot error - Shown when the app failed; default content is the error message.
 *
 * @fires {MicroAppStatusEvent} micro-app-loading - The entry is being fetched.
 * @fires {MicroAppStatusEvent} micro-app-mounting - The entry is in the root and its scripts run.
 * @fires {MicroAppStatusEvent} micro-app-mounted - The app is up.
 * @fires {MicroAppStatusEvent} micro-app-unmounting - The app is being torn down.
 * @fires {MicroAppStatusEvent} micro-app-unmounted - Nothing of the app is left.
 * @fires {MicroAppErrorEvent} micro-app-error - Loading, running or mounting failed; `event.error.code` says why.
 * @fires {MicroAppMessageEvent} micro-app-message - The app sent a message up (`window.__PORTICO__.dispatch`).
 * @fires {MicroAppVisibilityEvent} micro-app-hidden - A keep-alive app was hidden because the page left its route.
 * @fires {MicroAppVisibilityEvent} micro-app-shown - A hidden keep-alive app is shown again.
 *
 * @csspart error - The default error message.
 *
 * @cssstate idle - Not started yet (no name or src, or not connected).
 * @cssstate loading - The entry is being fetched.
 * @cssstate mounting - The app's scripts run and it mounts.
 * @cssstate mounted - The app is up.
 * @cssstate unmounting - The app is being torn down.
 * @cssstate unmounted - The app has gone (removed, left its route, or `src` changed).
 * @cssstate error - Loading, running or mounting failed; the `error` slot shows.
 * @cssstate hidden - A `keep-alive` app outside its route, hidden with its state.
 */
export class MicroAppElement extends ReactiveElement {
  // The identity reflects: frameworks (React 19, Vue, Svelte, Angular) set these as properties, and
  // `micro-app[name="orders"]` in the portal's CSS and queries must still match.
  static override properties = {
    name: { type: String, reflect: true },
    src: { type: String, reflect: true },
    route: { type: String, reflect: true },
    keepAlive: { type: Boolean, attribute: 'keep-alive' },
    keepRouterState: { type: Boolean, attribute: 'keep-router-state' },
    routerMode: { type: String, attribute: 'router-mode' },
    timeout: { type: Number },
    retry: { type: Number },
    prefetch: { type: Boolean },
    park: { type: Boolean },
    destroy: { type: Boolean },
    data: { attribute: false },
  };

  /** Unique id of this instance. */
  declare name: string;
  /** The app's HTML entry URL. */
  declare src: string;
  /** The path the app is active under (relative to its parent app's path when nested); empty: always. */
  declare route: string;
  /** Hide instead of unmounting when the page leaves the route. */
  declare keepAlive: boolean;
  /** Keep the page URL the app navigated to when it goes. */
  declare keepRouterState: boolean;
  /** `native`: the app sees the full page path instead of the part below its route. */
  declare routerMode: 'scoped' | 'native' | undefined;
  /** How many automatic retries a failed load gets, with exponential backoff. */
  declare retry: number;
  /** Fetch the app in idle time while it is inactive. */
  declare prefetch: boolean;
  /** Park the app on unmount instead of tearing it down, when it has lifecycles (opt-in). */
  declare park: boolean;
  /** Never park, even with `park`. */
  declare destroy: boolean;
  /** Failed attempts since the last success or change of src (drives the retry backoff). */
  #attempts = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The next start bypasses the asset cache (set by reload()). */
  #fresh = false;
  #leakReport: LeakReport | undefined;
  #mountTiming: MountTiming | undefined;
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
  /** Whether the page URL is inside `route`. */
  #active = false;
  /** Shows a hidden keep-alive app again; set while it is hidden. */
  #show: (() => void) | undefined;
  #unwatch: (() => void) | undefined;

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
    registerInternals(this, () => ({ root: this.#running?.app?.tree.root ?? this.#root, shell: this.#root, app: this.#running?.app }));
  }

  /** The lifecycle state: idle, loading, mounting, mounted, unmounting, unmounted or error. */
  get status(): MicroAppStatus {
    return this.#lifecycle.status;
  }

  /**
   * What the app had left running when it was last torn down (timers,
   * listeners, observers, globals…, all released by Portico), and what was
   * still in the page after (`leftBehind`, empty when teardown was complete).
   */
  get leakReport(): LeakReport | undefined {
    return this.#leakReport;
  }

  /**
   * Where this element's last mount spent its time (entry fetch, parse,
   * tree, sandbox, scripts, resources, lifecycles, and stylesheet work), set
   * just before `micro-app-mounted`; undefined for a parked app taken back,
   * whose mount only ran `mount()` again.
   */
  get mountTiming(): MountTiming | undefined {
    return this.#mountTiming;
  }

  /** Whether the page URL is inside this element's `route` (always true without one, or while disconnected: false). */
  get active(): boolean {
    return this.#active;
  }

  /** Unloads and loads the app again: the way to retry after an error, without reloading the page. */
  reload(): Promise<void> {
    this.#fresh = true;
    return this.#sync(true);
  }

  /**
   * Moves the page so that this app is at `path`, a URL as the app sees it
   * (`'/42'`, `'/42?tab=2#notes'`, or relative to its current URL), e.g.
   * `/orders/42` for `route="/orders"`. No page load: the app's router hears
   * a `popstate`, the host's router hears one too, and an app whose route
   * was not active mounts (or shows) there.
   */
  navigate(path: string, options?: NavigateOptions): void {
    navigateApp(this, this.name, this.routerMode === 'native' ? '' : (this.route ?? ''), path, options);
  }

  /** lit renders nothing here: the app's tree goes into the closed root, which lit must not expose. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatch ??= watchPageUrl(() => this.#routeChanged());
    this.#active = routeMatches(this, this.route);
    void this.#sync();
    this.#maybePrefetch();
  }

  /** An inactive app with `prefetch` is fetched (and compiled) in idle time. */
  #maybePrefetch(): void {
    if (this.prefetch && this.src && !this.#active && !this.#running) void prefetch(this.src, { compile: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#active = false;
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
    if (changed.has('route') || changed.has('keepAlive')) this.#routeChanged(true);
    if (changed.has('name') || changed.has('src')) {
      this.#attempts = 0;
      void this.#sync();
    }
    if (changed.has('data') && this.#running?.app) this.#running.app.update(this.data);
  }

  /** The page URL moved (or `route`/`keep-alive` changed): show or hide a kept-alive app at once, start or stop the others. */
  #routeChanged(force = false): void {
    const active = this.isConnected && routeMatches(this, this.route);
    if (active === this.#active && !force) return;
    this.#active = active;
    this.#applyVisibility();
    void this.#sync();
    this.#maybePrefetch();
  }

  /**
   * Brings the running app in line with the element: started when connected
   * with name and src and inside its route, stopped otherwise, except that a
   * keep-alive app that is running stays (hidden) outside its route.
   */
  #sync(force = false): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      const identity = this.isConnected && this.name && this.src ? `${this.name}\n${this.src}` : '';
      const kept = !force && this.keepAlive && this.#running?.key === identity;
      const key = identity && (this.#active || kept) ? identity : '';
      if (!force && this.#running?.key === key) return;
      if (this.#running) await this.#stop();
      if (this.isConnected && (this.name || this.src) && !identity) {
        this.#fail(new PorticoError(this.name || '(unnamed)', 'PORTICO_ATTRIBUTE_MISSING', 'name or src is missing'));
      }
      if (key) this.#start(key);
    });
    return this.#queue;
  }

  /** Hides a running keep-alive app outside its route, shows it inside; a stopped app just loses the hidden state. */
  #applyVisibility(): void {
    const hide = !this.#active && this.keepAlive && !!this.#running && this.isConnected;
    if (hide && !this.#show) {
      this.#show = hideApp(this.#root, this.#internals, this.#running?.app?.tree.root);
      this.dispatchEvent(new MicroAppVisibilityEvent(this.name, true));
    } else if (!hide && this.#show) {
      this.#show();
      this.#show = undefined;
      if (this.#running) this.dispatchEvent(new MicroAppVisibilityEvent(this.name, false));
    }
  }

  #start(key: string): void {
    const controller = new AbortController();
    const running: Running = { key, controller };
    this.#running = running;
    clearTimeout(this.#retryTimer);
    this.#lifecycle.to('loading');
    const fresh = this.#fresh;
    this.#fresh = false;
    const host: AppHost = {
      send: (topic, detail) => this.dispatchEvent(new MicroAppMessageEvent(this.name, topic, detail)),
      reload: () => void this.reload(),
      // A reload restarts the app where it is.
      keepUrl: () => this.keepRouterState || this.#fresh,
      onUncaught: (error) => this.#report(toPorticoError(this.name, 'PORTICO_APP_UNCAUGHT', 'uncaught error in the app', error)),
    };
    const parked = takeParked(this.#parkingKey(key));
    // Only a `park` element takes a parked app back; any other start (a bare element, reload(), `destroy`)
    // wants a fresh one, and the parked copy is torn down instead.
    const reuse = parked && !fresh && this.#parks();
    if (parked && !reuse) void stopApp(parked, { callUnmount: false, timeout: this.timeout });
    const started = reuse
      ? this.#revive(parked, running, host)
      : this.#load(running, host, fresh);
    started.then(
      () => {
        if (controller.signal.aborted) return;
        this.#attempts = 0;
        this.#mountTiming = reuse ? undefined : running.app?.timing;
        this.#lifecycle.to('mounted');
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.#queue = this.#queue.then(() => (this.#running === running ? this.#failRunning(running, error) : undefined));
      },
    );
  }

  /** Whether this element parks its app on unmount (see the `park` attribute). */
  #parks(): boolean {
    return !!this.park && !this.destroy;
  }

  /** Where a parked app of this element waits: its identity plus what its sandbox was built for. */
  #parkingKey(key: string): string {
    return `${key}\n${this.route ?? ''}\n${this.routerMode === 'native' ? 'native' : 'scoped'}`;
  }

  /** A parked app with the same name, src and route: only its `mount()` runs again. */
  async #revive(app: RunningApp, running: Running, host: AppHost): Promise<void> {
    running.app = app;
    this.#lifecycle.to('mounting');
    await reviveApp(app, { root: this.#root, host, data: this.data, timeout: this.timeout });
  }

  #load(running: Running, host: AppHost, fresh: boolean): Promise<unknown> {
    const { controller } = running;
    return startApp({
      name: this.name,
      src: this.src,
      route: this.route ?? '',
      timeout: this.timeout,
      data: this.data,
      root: this.#root,
      signal: controller.signal,
      onMounting: () => this.#lifecycle.to('mounting'),
      onApp: (app) => (running.app = app),
      ...host,
      routerMode: this.routerMode === 'native' ? 'native' : 'scoped',
      cache: appAssets,
      sheetPlans,
      fresh,
      allowOrigin: originPolicy(),
    });
  }

  async #stop(): Promise<void> {
    clearTimeout(this.#retryTimer);
    const running = this.#running;
    if (!running) return;
    this.#running = undefined;
    this.#applyVisibility();
    running.controller.abort(new DOMException('The micro-app was removed or changed.', 'AbortError'));
    const wasMounted = this.status === 'mounted';
    this.#lifecycle.to('unmounting');
    const app = running.app;
    // reload() sets #fresh before stopping: a reload never parks.
    const park = app && wasMounted && this.#parks() && !this.#fresh && canPark(app);
    const error = !app
      ? undefined
      : park
        ? await parkApp(this.#parkingKey(running.key), app, this.timeout)
        : await stopApp(app, { callUnmount: wasMounted, timeout: this.timeout });
    this.#leakReport = running.app?.report ?? this.#leakReport;
    this.#lifecycle.to('unmounted');
    if (error) this.#report(error);
  }

  /** A load or mount failed: remove whatever the app had made, then show the error. The record stays, so only reload() or a new src retries. */
  async #failRunning(running: Running, error: unknown): Promise<void> {
    const wrapped = toPorticoError(this.name, 'PORTICO_LIFECYCLE_REJECTED', 'the app failed', error);
    const app = running.app;
    running.app = undefined;
    if (app) await stopApp(app, { callUnmount: false, timeout: this.timeout });
    this.#leakReport = app?.report ?? this.#leakReport;
    this.#fail(wrapped);
    // `retry`: try again by itself, with exponential backoff, unless the element changed or left meanwhile.
    if (this.#attempts < (this.retry || 0)) {
      const delay = Math.min(30_000, 500 * 2 ** this.#attempts++);
      this.#retryTimer = setTimeout(() => {
        if (this.#running === running && this.isConnected) void this.#sync(true);
      }, delay);
    }
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
