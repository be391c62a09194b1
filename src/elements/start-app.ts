import { createAppChannel, type AppChannel } from '../bus/app-channel.js';
import { portalOf } from '../bus/portal.js';
import type { StoreView } from '../bus/store-types.js';
import type { BusEnd } from '../bus/types.js';
import { PorticoError, toPorticoError } from '../errors.js';
import { entryKey, fetchScriptText, parsedEntry, type AssetCache } from '../loader/asset-cache.js';
import { fetchEntry, fetchSharedEntry } from '../loader/fetch-entry.js';
import { callHook, findLifecycles, type Lifecycles } from '../loader/lifecycles.js';
import { createLazyModuleScope } from '../loader/lazy-module-scope.js';
import type { ModuleScope } from '../loader/module-loader.js';
import { mountTree } from '../loader/mount-tree.js';
import { warmModules } from '../loader/module-warmup.js';
import { startStopwatch, type MountTiming } from '../loader/mount-timing.js';
import { runScripts } from '../loader/run-scripts.js';
import { loadingImages, whenLoaded } from '../loader/when-loaded.js';
import { compatGlobals } from '../sandbox/compat/globals.js';
import { microAppGlobal, wujieGlobal } from '../sandbox/compat/micro-app.js';
import type { AppTree } from '../sandbox/proxy-document.js';
import type { LeakReport } from '../sandbox/leak-report.js';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import type { SheetPlans } from '../sandbox/sheet-plans.js';

/** The props a sub-app's lifecycles receive: qiankun's shape plus the host's data spread in. */
export interface MicroAppProps {
  /** The app's name. */
  name: string;
  /** The element to render into: the app's `<body>` inside its shadow root. */
  container: HTMLElement;
  /** The host's data (a copy). */
  data: unknown;
  /** Sends a message up to the host (a `micro-app-message` event on the element). */
  dispatch: (topic: string, detail?: unknown) => void;
  /** The app's end of the page's bus (also `window.__PORTICO__.bus`). */
  bus: BusEnd;
  /** The page's `<micro-store name>`, "global" by default (also `window.__PORTICO__.store`). */
  store: (name?: string) => StoreView;
  [key: string]: unknown;
}

/**
 * What the app's code reaches of the element it runs in. Mutable, because a
 * parked app (see app-pool.ts) can come back in another `<micro-app>`.
 */
export interface AppHost {
  send(topic: string, detail: unknown): void;
  onUncaught?(error: unknown): void;
  reload?(): void;
  /** Whether the page keeps the URL the app navigated to when it goes (see patchers/route-clear.ts). */
  keepUrl?(): boolean;
}

/** An app that is loading or running: everything teardown must release. */
export interface RunningApp {
  readonly name: string;
  /**
   * The element holding the app's own closed shadow root (`tree.root`), a
   * `display: contents` child of the `<micro-app>`'s root: moving it moves the
   * running app, which is how a parked app enters another element.
   */
  readonly carrier: HTMLElement;
  /** The element's side of the app: replaced when a parked app enters another element. */
  host: AppHost;
  /** The sandbox's checkpoint just before `mount()` ran: what came after is the mount's to undo (see app-pool.ts). */
  mountedAt?: number;
  readonly sandbox: Sandbox;
  readonly tree: AppTree;
  readonly channel: AppChannel;
  /** The app's ES-module instance scope, if it has module scripts. */
  modules?: ModuleScope;
  lifecycles?: Lifecycles<MicroAppProps>;
  /** Where its mount spent its time (set once `mount` has returned). */
  timing?: MountTiming;
  /** What the app had left running at teardown (set by stopApp). */
  report?: LeakReport;
  props: MicroAppProps;
  /** Hands new host data to the app (`update` lifecycle and data listeners). */
  update(data: unknown): void;
  /** Hands new host data to the app's data listeners and next props, without calling `update`. */
  setData(data: unknown): void;
}

/** What {@link startApp} needs from the element. */
export interface StartOptions {
  name: string;
  src: string;
  route: string;
  timeout: number;
  data: unknown;
  root: ShadowRoot;
  signal: AbortSignal;
  /** Reports an uncaught error or unhandled rejection from the app's code. */
  onUncaught?: (error: unknown) => void;
  /** Fetched entries and scripts shared across instances and remounts. */
  cache?: AssetCache;
  /** What each stylesheet URL needs, found once and shared by instances and remounts (see sheet-plans.ts). */
  sheetPlans?: SheetPlans;
  /** Bypass the cache (a `reload()`): fetch everything again. */
  fresh?: boolean;
  /** The host's origin policy (see origin-policy.ts). */
  allowOrigin?: (url: string) => boolean;
  onMounting(): void;
  /** Called as soon as the app has resources to release (its tree and sandbox). */
  onApp(app: RunningApp): void;
  send(topic: string, detail: unknown): void;
  /** Restarts the app: what its `location.reload()` does (see patchers/history.ts). */
  reload?(): void;
  /** Whether the page keeps the app's URL when the app goes (see AppHost.keepUrl). */
  keepUrl?(): boolean;
  /** `native`: the app's `location` is the page's full path, and its compat base route is `route` (see patchers/history.ts). */
  routerMode?: 'scoped' | 'native';
}

/**
 * Loads and mounts one app: fetch and parse the entry, put its tree in the
 * root, run its scripts in a fresh sandbox, fire `DOMContentLoaded` and
 * `load`, then call its lifecycles if it has any. Rejects with a PorticoError,
 * or with the signal's reason once aborted.
 */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { name, timeout, signal } = options;
  const clock = startStopwatch();
  const cached = options.fresh ? undefined : options.cache?.get(entryKey(options.src));
  let entry = cached;
  if (entry) clock.cached();
  else {
    const request = { app: name, timeout, signal, allowOrigin: options.allowOrigin };
    const fetched = options.cache && !options.fresh ? await fetchSharedEntry(options.src, request, options.cache) : await fetchEntry(options.src, request);
    // Another instance that shared the request may have parsed it already.
    entry = (!options.fresh && options.cache?.get(entryKey(options.src))) || { url: fetched.url, text: fetched.html };
  }
  clock.step('entry');
  const parsed = parsedEntry(options.src, entry, options.cache);
  clock.step('parse');
  if (!parsed.document.body.childElementCount && !parsed.scripts.length && !parsed.document.head.childElementCount) {
    throw new PorticoError(name, 'PORTICO_ENTRY_EMPTY', `entry ${entry.url} holds no elements`);
  }
  signal.throwIfAborted();
  // Start every classic script download now, while the tree and sandbox are being built.
  const early = new Map<string, Promise<string>>();
  for (const script of parsed.scripts) {
    if (!script.src || script.kind === 'module' || script.kind === 'skip' || early.has(script.src)) continue;
    const text = fetchScriptText(script.src, signal, options.cache, options.fresh);
    text.catch(() => undefined);
    early.set(script.src, text);
  }
  warmModules(parsed, options.fresh ? undefined : options.cache);
  options.onMounting();

  // The app lives in a root of its own, one level down (see RunningApp.carrier).
  const carrier = document.createElement('div');
  carrier.style.display = 'contents';
  const appRoot = carrier.attachShadow({ mode: 'closed' });
  options.root.append(carrier);
  const { tree, scripts } = mountTree(appRoot, parsed.document);
  clock.step('tree');
  const host: AppHost = { send: options.send, onUncaught: options.onUncaught, reload: options.reload, keepUrl: options.keepUrl };
  const channel = createAppChannel(name, options.data, (topic, detail) => app.host.send(topic, detail));
  const publicPath = new URL('.', parsed.baseUrl).href;
  const sandbox = createSandbox({
    name,
    url: parsed.baseUrl,
    tree,
    route: {
      base: options.routerMode === 'native' ? '' : options.route,
      reload: () => app.host.reload?.(),
      keepUrl: () => !!app.host.keepUrl?.(),
    },
    onUncaught: (error) => app.host.onUncaught?.(error),
    onStyleWork: clock.styles,
    sheetPlans: options.sheetPlans,
    globals: {
      // A scoped app is at the root of its own paths: a router base read from here must be '/'.
      ...compatGlobals({ name, url: entry.url, publicPath, baseRoute: options.routerMode === 'native' ? options.route : '' }),
      // The app's end of the page's bus and stores, released with the channel in stopApp.
      __PORTICO__: channel.connect(portalOf(options.root.ownerDocument)),
      microApp: microAppGlobal(channel.api),
      $wujie: wujieGlobal(channel.api, tree.root),
    },
  });
  const app: RunningApp = {
    name,
    carrier,
    host,
    sandbox,
    tree,
    channel,
    props: propsFor(name, tree.body, options.data, channel),
    setData(data) {
      channel.setData(data);
      app.props = propsFor(name, tree.body, data, channel);
    },
    update(data) {
      app.setData(data);
      void callHook(app.lifecycles?.update, app.props, timeout);
    },
  };
  options.onApp(app);
  clock.step('sandbox');

  await runScripts(parsed.scripts, {
    app: name,
    sandbox,
    elements: scripts,
    signal,
    fetchText: (url, scriptSignal) => early.get(url) ?? fetchScriptText(url, scriptSignal, options.cache, options.fresh),
    baseUrl: parsed.baseUrl,
    modules: () => (app.modules ??= createLazyModuleScope(sandbox, options.fresh ? undefined : options.cache)),
  });
  clock.step('scripts');
  // Stylesheets first (no unstyled first render), then `load` once the images are in too.
  const limit = Math.min(timeout, 10_000);
  await whenLoaded(tree.root, limit, signal, { images: false });
  signal.throwIfAborted();
  const imagesLoading = loadingImages(tree.root).length > 0;
  const loaded = whenLoaded(tree.root, limit, signal).then(() => {
    if (signal.aborted) return;
    sandbox.setReadyState('complete');
    sandbox.fire('window', 'load');
  });
  const find = () =>
    findLifecycles({ name, globals: sandbox.globals, registered: channel.registered, lastAssigned: sandbox.lastAssigned() }) as
      | Lifecycles<MicroAppProps>
      | undefined;
  // An app with lifecycles mounts without waiting for images still loading: a slow image must not hold its
  // first render (qiankun and micro-app do not wait either). Otherwise `load` comes first, as standalone.
  if (imagesLoading) app.lifecycles = find();
  if (!app.lifecycles) {
    await loaded;
    signal.throwIfAborted();
    app.lifecycles = find();
  } else {
    loaded.catch((error: unknown) => app.host.onUncaught?.(error));
  }
  clock.step('resources');

  await lifecycle(app, 'bootstrap', timeout, signal);
  signal.throwIfAborted();
  app.mountedAt = sandbox.checkpoint();
  await lifecycle(app, 'mount', timeout, signal);
  clock.step('lifecycles');
  app.timing = clock.result();
  return app;
}

/** Calls the app's `bootstrap` or `mount`; a rejection or timeout becomes a PorticoError naming the hook. */
export async function lifecycle(app: RunningApp, hook: 'bootstrap' | 'mount', timeout: number, signal?: AbortSignal): Promise<void> {
  let outcome: 'done' | 'timeout';
  try {
    outcome = await callHook(app.lifecycles?.[hook], app.props, timeout, signal);
  } catch (error) {
    throw toPorticoError(app.name, 'PORTICO_LIFECYCLE_REJECTED', `${hook}() rejected`, error);
  } finally {
    if (app.lifecycles?.[hook]) app.sandbox.settle();
  }
  if (outcome === 'timeout') {
    throw new PorticoError(app.name, 'PORTICO_LIFECYCLE_TIMEOUT', `${hook}() did not settle within ${timeout} ms`);
  }
}

function propsFor(name: string, container: HTMLElement, data: unknown, channel: AppChannel): MicroAppProps {
  const spread = data && typeof data === 'object' && !Array.isArray(data) ? structuredClone(data) : {};
  // bus, store and qiankun's onGlobalStateChange/setGlobalState/offGlobalStateChange.
  const shared = channel.props as Pick<MicroAppProps, 'bus' | 'store'>;
  return { ...spread, ...shared, name, container, data: channel.api.data, dispatch: channel.api.dispatch };
}

