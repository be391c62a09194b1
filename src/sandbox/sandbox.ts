import { registerAppViews } from './app-views.js';
import { sumReleased, type LeakReport } from './leak-report.js';
import { compileFunction, evaluateIndirect, PARAMETERS, runScript, type ScriptContext } from './evaluate.js';
import { createHostGuard } from './host-guard.js';
import { createLocalEvents } from './local-events.js';
import { patchDynamicScripts } from './patchers/dynamic-scripts.js';
import { patchElementUrls } from './patchers/element-urls.js';
import { patchHandlers } from './patchers/handlers.js';
import { patchHistory } from './patchers/history.js';
import { lookNative } from './patchers/native-class.js';
import { patchMessageChannel } from './patchers/message-channel.js';
import { patchOwnerDocument } from './patchers/owner-document.js';
import { patchNodeArguments } from './patchers/node-arguments.js';
import { patchViewArguments } from './patchers/view-arguments.js';
import { patchPopupLayer } from './patchers/popup-layer.js';
import { patchStyles } from './patchers/styles.js';
import { patchRemUnits } from './patchers/rem-units.js';
import { patchUncaughtErrors } from './patchers/uncaught-errors.js';
import { patchViewport } from './patchers/viewport.js';
import { patchListeners } from './patchers/listeners.js';
import { patchEventTargets } from './patchers/event-targets.js';
import { patchAppEventTargets } from './patchers/app-event-targets.js';
import { patchTimers } from './patchers/timers.js';
import { patchObservers } from './patchers/observers.js';
import { patchBroadcastChannel } from './patchers/broadcast-channel.js';
import { patchWorkers } from './patchers/workers.js';
import { patchNetwork } from './patchers/network.js';
import { createProxyDocument, type AppTree } from './proxy-document.js';
import { createProxyWindow } from './proxy-window.js';
import type { SheetPlans } from './sheet-plans.js';
import { OverrideAccessor, type Disposer, type LocalEvents, type PatchTarget, type Patcher, type RouteOptions, type SandboxOverrides } from './types.js';

/** Options for {@link createSandbox}. */
export interface SandboxOptions {
  /** The app's name, for error messages. */
  name: string;
  /** The URL the app's document "is at": its entry's final URL. */
  url: string;
  /** The app's own tree inside its shadow root. */
  tree: AppTree;
  /** Globals the app finds already set (compatibility flags, public paths, APIs). */
  globals?: Record<string, unknown>;
  /** Called with uncaught errors and unhandled rejections from the app's code. */
  onUncaught?: (error: unknown) => void;
  /** Extra patchers, run after the built-in ones. */
  patchers?: readonly Patcher[];
  /** The app's route, which its `location` and `history` are scoped to; absent: the whole page path. */
  route?: RouteOptions;
  /** What each stylesheet URL needs, shared by the page's instances (see sheet-plans.ts). */
  sheetPlans?: SheetPlans;
  /** Told how many ms each pass over the app's stylesheets took (see loader/mount-timing.ts). */
  onStyleWork?: (ms: number) => void;
}

/** One app's isolated global environment. */
export interface Sandbox {
  /** The app's `window`. */
  readonly window: Window & typeof globalThis;
  /** The app's `document`. */
  readonly document: Document;
  /** The globals the app created (its own, not the host's). */
  readonly globals: Record<PropertyKey, unknown>;
  /** Runs a classic script as the app's code: globals, `this`, `document` are the sandbox's. */
  run(code: string, url: string, currentScript?: HTMLScriptElement | null): void;
  /** Sets `document.readyState` as the app sees it, firing `readystatechange`. */
  setReadyState(state: DocumentReadyState): void;
  /** Fires one of the app's simulated page-lifecycle events. */
  fire(target: 'window' | 'document', type: string): void;
  /**
   * The names an ES module of the app must see as the sandbox's rather than
   * the host's (`window`, `document`, `setTimeout`…), with their values: a
   * module cannot be wrapped in `with`, so these are imported into it.
   */
  moduleBindings(): Record<string, unknown>;
  /**
   * Calls `onChange(name)` after each write of one of `names` on the app's
   * window: what keeps an ES module's import of a global (a bare `Zone` or
   * `Promise`) in step with the window (see loader/module-globals.ts).
   */
  watchGlobals(names: readonly string[], onChange: (name: string) => void): void;
  /**
   * Takes what changed on the host's shared prototypes since the last call
   * as the app's doing, to be undone at teardown (see host-guard.ts). Classic
   * scripts call it themselves; the loader calls it after each ES module and
   * lifecycle call.
   */
  settle(): void;
  /** The last global the app created, for UMD lifecycle discovery. */
  lastAssigned(): PropertyKey | undefined;
  /**
   * A mark in the app's history of effects: {@link Sandbox.releaseSince}
   * later releases what the app started after it.
   */
  checkpoint(): number;
  /**
   * Releases the timers and `window`/`document` listeners the app started
   * after `checkpoint`, keeping the sandbox and everything older: what
   * parking a lifecycle app between `unmount()` and the next `mount()` needs.
   */
  releaseSince(checkpoint: number): LeakReport;
  /**
   * Parks the sandbox: every patcher takes off the page what it holds for
   * the app (its listeners and timers, Portico's own listeners for it), so
   * the parked app hears nothing and runs nothing. {@link Sandbox.resume}
   * puts it all back.
   */
  suspend(): void;
  /** The app's tree is in the page again after parking: patchers put back what `suspend` took off and catch up (its router hears where the page went meanwhile). */
  resume(): void;
  /** Releases everything the app holds (timers, listeners, globals…) and reports what there was. Idempotent. */
  dispose(): LeakReport;
}

const BUILT_IN_PATCHERS: readonly Patcher[] = [patchUncaughtErrors, patchTimers, patchListeners, patchEventTargets, patchHandlers, patchDynamicScripts, patchObservers, patchBroadcastChannel, patchMessageChannel, patchWorkers, patchNetwork, patchAppEventTargets, patchElementUrls, patchOwnerDocument, patchNodeArguments, patchViewArguments, patchStyles, patchRemUnits, patchPopupLayer, patchViewport, patchHistory];

/**
 * Creates a sandbox: a proxy window and document over the real ones, with
 * timers and listeners recorded so {@link Sandbox.dispose} can release them.
 * Nothing here changes the host's own globals or prototypes.
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const overrides: SandboxOverrides = { window: new Map(), document: new Map(), claims: { window: [], document: [] } };
  const win = createProxyWindow(window, overrides, () => doc);
  const { proxy: doc, own: docOwn } = createProxyDocument(document, options.tree, overrides, () => win.proxy);
  // Natives handed the app's window or document get what they stand for (see app-views.ts).
  const unregisterViews = registerAppViews({ window: win.proxy, document: doc, tree: options.tree.root });
  const local = createLocalEvents({ window: { self: win.proxy, handlers: win.own }, document: { self: doc, handlers: docOwn } });
  const context: ScriptContext = {
    scope: win.scope,
    // Built-ins come straight from the host unless the app replaced them: no binding, same identity.
    parameters: () =>
      PARAMETERS.map((name, i) =>
        i < 4 || Object.prototype.hasOwnProperty.call(win.own, name) || overrides.window.has(name)
          ? win.own[name]
          : (window as unknown as Record<string, unknown>)[name],
      ),
    lex: (name, get, set) => publish(win.own, name, get, set),
    has: (name) => Object.prototype.hasOwnProperty.call(win.own, name),
    get: (name) => win.own[name],
    eval: (code) => evaluateIndirect(code, context, win.proxy),
    self: (thisArg) => (thisArg === undefined || thisArg === window ? win.proxy : thisArg),
  };
  const evaluate = (code: string, url: string, currentScript: HTMLScriptElement | null = null) => {
    const previous = overrides.document.get('currentScript');
    overrides.document.set('currentScript', currentScript);
    try {
      runScript(code, url, win.proxy, context);
    } finally {
      overrides.document.set('currentScript', previous);
      guard.settle();
    }
  };

  overrides.window.set('eval', lookNative((code: unknown) => context.eval(code), 'eval'));
  overrides.window.set('Function', sandboxFunction(context));
  overrides.document.set('readyState', 'loading');
  overrides.document.set('currentScript', null);
  overrides.document.set('baseURI', options.url);
  Object.assign(win.own, options.globals);

  let stamps = 0;
  const ownership: Array<(target: object) => boolean> = [];
  const target: PatchTarget = {
    ownTargets: (test) => void ownership.push(test),
    stamp: () => ++stamps,
    name: options.name,
    window: win.proxy,
    document: doc,
    overrides,
    local: local as LocalEvents,
    evaluate,
    tree: options.tree,
    baseUrl: options.url,
    onUncaught: options.onUncaught,
    route: options.route,
    onStyleWork: options.onStyleWork,
    sheetPlans: options.sheetPlans,
  };
  const disposers: Disposer[] = [];
  for (const patch of [...BUILT_IN_PATCHERS, ...(options.patchers ?? [])]) disposers.push(patch(target));
  // After the patchers: their own hooks on host prototypes are not the app's. The app's event targets:
  // nodes whose ownerDocument is its document (patchers/owner-document.ts: in its tree, or made by it),
  // instances of its own classes (its XMLHttpRequest, Worker, BroadcastChannel…), and what the patchers
  // claim (patchers/app-event-targets.ts). The plain prototype test: an app class's own `instanceof`
  // holds for the host's instances too (patchers/native-class.ts).
  const host = window as unknown as Record<PropertyKey, unknown>;
  const instanceOf = Function.prototype[Symbol.hasInstance];
  const appMade = (target: object) => {
    // The patchers' tests first: a set lookup or two, where the loop reads every window override.
    if (ownership.some((test) => test(target))) return true;
    for (const [key, value] of overrides.window) {
      if (typeof value === 'function' && value !== host[key] && value.prototype && instanceOf.call(value, target)) return true;
    }
    return false;
  };
  const guard = createHostGuard((target) =>
    target instanceof Node ? target.ownerDocument === doc : typeof target === 'object' && target !== null && appMade(target),
  );
  let report: LeakReport | undefined;
  const compatKeys = new Set<PropertyKey>(Object.keys(options.globals ?? {}));

  return {
    window: win.proxy,
    document: doc,
    globals: win.own,
    run: evaluate,
    setReadyState(state) {
      overrides.document.set('readyState', state);
      local.dispatch('document', 'readystatechange');
    },
    fire: (which, type) => local.dispatch(which, type),
    lastAssigned: win.lastAssigned,
    watchGlobals: win.watch,
    settle: () => guard.settle(),
    moduleBindings() {
      const bindings: Record<string, unknown> = {};
      for (const name of ['window', 'self', 'globalThis', 'top', 'parent', 'frames', 'location', 'history']) {
        bindings[name] = (win.proxy as unknown as Record<string, unknown>)[name];
      }
      bindings.document = doc;
      for (const claim of overrides.claims.window) for (const name of claim.moduleNames ?? []) if (!overrides.window.has(name)) claim.claim(name);
      for (const [key, value] of overrides.window) {
        // `eval` cannot be an import binding; modules keep the host's (see README).
        if (typeof key === 'string' && key !== 'eval' && !(value instanceof OverrideAccessor)) bindings[key] = value;
      }
      return bindings;
    },
    checkpoint: () => stamps,
    suspend() {
      for (const dispose of [...disposers].reverse()) dispose.suspend?.();
    },
    resume() {
      for (const dispose of disposers) dispose.resume?.();
    },
    releaseSince(checkpoint) {
      const parts = [...disposers].reverse().map((dispose) => dispose.since?.(checkpoint));
      return { app: options.name, released: sumReleased(parts), leftBehind: {} };
    },
    dispose() {
      if (report) return report;
      // Before the patchers let go of their own hooks: the guard's last read must still match them.
      const hostPatches = guard.restore();
      const parts = disposers.reverse().map((dispose) => dispose());
      local.clear();
      unregisterViews();
      const globals = Reflect.ownKeys(win.own).filter((key) => !compatKeys.has(key));
      // Reflect: an app's non-configurable global cannot be deleted, and must not stop teardown.
      for (const key of Reflect.ownKeys(win.own)) Reflect.deleteProperty(win.own, key);
      report = { app: options.name, released: sumReleased([...parts, { globals: globals.length, hostPatches }]), leftBehind: leftBehindOf(parts) };
      return report;
    },
  };
}

/**
 * Defines a script's top-level binding on the sandbox as a live accessor. The
 * re-entrancy guard makes a mistaken name harmless: its accessor would
 * otherwise resolve to itself through the `with` scope.
 */
function publish(own: Record<PropertyKey, unknown>, name: string, get: () => unknown, set: (value: unknown) => void): void {
  let busy = false;
  Object.defineProperty(own, name, {
    configurable: true,
    enumerable: true,
    get() {
      if (busy) return undefined;
      busy = true;
      try {
        return get();
      } finally {
        busy = false;
      }
    },
    set(value) {
      if (busy) return;
      busy = true;
      try {
        set(value);
      } finally {
        busy = false;
      }
    },
  });
}

/**
 * The app's `Function` constructor: compiles against the sandbox (see
 * `compileFunction`), shares the real `Function.prototype`, and answers
 * `instanceof` as the real one does.
 */
function sandboxFunction(context: ScriptContext): FunctionConstructor {
  const SandboxFunction = lookNative(function Function(...args: unknown[]) {
    return compileFunction(args, context);
  }, 'Function');
  Object.defineProperty(SandboxFunction, 'prototype', { value: globalThis.Function.prototype });
  Object.defineProperty(SandboxFunction, Symbol.hasInstance, { value: (value: unknown) => value instanceof globalThis.Function });
  return SandboxFunction as unknown as FunctionConstructor;
}

/** Kinds a disposer reports with a `leftBehind:` prefix are what it found but could not release. */
function leftBehindOf(parts: ReadonlyArray<Record<string, number | undefined> | void>): Record<string, number> {
  const found: Record<string, number> = {};
  for (const part of parts) {
    for (const [kind, count] of Object.entries(part ?? {})) {
      if (kind.startsWith('leftBehind:') && count) found[kind.slice('leftBehind:'.length)] = (found[kind.slice('leftBehind:'.length)] ?? 0) + count;
    }
  }
  return found;
}
