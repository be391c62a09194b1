import type { AppTree } from './proxy-document.js';
import type { SheetPlans } from './sheet-plans.js';

/**
 * What one disposer released: how many of each kind of effect (timers,
 * listeners, observers…) the app still had running when it was torn down.
 * They feed the app's leak report.
 */
export type Released = Partial<Record<string, number>>;

/**
 * Undoes one patch and says what it released. Teardown runs the disposers in
 * reverse order of creation. A patcher that records effects over time may
 * also offer `since(stamp)`: release only the effects recorded after
 * `stamp` (see {@link PatchTarget.stamp}), keeping the patch and the older
 * effects. That is how a parked app loses what it started while mounted but
 * keeps what its scripts set up when they ran.
 */
export type Disposer = (() => Released | void) & {
  since?: (stamp: number) => Released;
  /**
   * The app is being parked (see src/elements/app-pool.ts): detach what it
   * still has on the page (listeners, timers, Portico's own hooks for it) so
   * that it hears and runs nothing, keeping enough to put it back.
   */
  suspend?: () => void;
  /** Undoes `suspend`: the parked app's tree is back in the page, before its next `mount()`. */
  resume?: () => void;
};

/**
 * An override that computes its value: the proxies call `get` on read and
 * `set` on write instead of storing the value (handler properties such as
 * `window.onclick` need to act when assigned).
 */
export class OverrideAccessor {
  constructor(
    readonly get: () => unknown,
    readonly set: (value: unknown) => void,
  ) {}
}

/**
 * The sandbox-local overrides a patcher installs. Patchers never touch the
 * host's globals or prototypes: they add entries here, which the proxy window
 * and proxy document consult before falling through to the real objects.
 */
export interface SandboxOverrides {
  /** Properties of the app's `window` that differ from the host's. */
  readonly window: Map<PropertyKey, unknown>;
  /** Properties of the app's `document` that differ from the host's. */
  readonly document: Map<PropertyKey, unknown>;
  /** Overrides made on first use, per view (see {@link OverrideClaim}). */
  readonly claims: { readonly window: OverrideClaim[]; readonly document: OverrideClaim[] };
}

/**
 * Overrides a patcher adds only when the app first touches them, for keys
 * that are many and mostly unused (the ~120 `on…` handler properties of
 * each view): creating them all would cost every mount for nothing.
 */
export interface OverrideClaim {
  /** Called with a key the view has no override for: adds one (to the view's map) and says so, or returns false. */
  claim(key: PropertyKey): boolean;
  /** The keys an ES module must import as the sandbox's (see Sandbox.moduleBindings): claimed before the bindings are read. */
  readonly moduleNames?: readonly string[];
}

/** What a patcher is handed: the app's views and the place to put its overrides. */
export interface PatchTarget {
  /** The app's name, for error messages. */
  readonly name: string;
  /** The app's proxy `window` (what its code sees as `window`, `self`, `globalThis`). */
  readonly window: Window & typeof globalThis;
  /** The app's proxy `document`. */
  readonly document: Document;
  readonly overrides: SandboxOverrides;
  /** Dispatches an event to the app's own `load`/`DOMContentLoaded`/… listeners. */
  readonly local: LocalEvents;
  /** Runs a string of code as a classic script of the app, with `document.currentScript` set to `currentScript`. */
  readonly evaluate: (code: string, url: string, currentScript?: HTMLScriptElement | null) => void;
  /** The app's own tree in its shadow root. */
  readonly tree: AppTree;
  /** The URL relative references of the app resolve against. */
  readonly baseUrl: string;
  /** Called with an uncaught error or unhandled rejection that came from the app's code. */
  readonly onUncaught?: (error: unknown) => void;
  /** Where the app's routes live; absent: it sees the whole page path (see patchers/history.ts). */
  readonly route?: RouteOptions;
  /** What each stylesheet URL needs, shared by the page's instances (see sheet-plans.ts). */
  readonly sheetPlans?: SheetPlans;
  /** Told how many ms each pass over the app's stylesheets took, for the mount's timing. */
  readonly onStyleWork?: (ms: number) => void;
  /**
   * Adds a test for event targets that are the app's though not nodes of its
   * document nor instances of its own classes (a FileReader, an IndexedDB
   * request): an `addEventListener` the app patched serves them (host-guard.ts).
   */
  readonly ownTargets: (test: (target: object) => boolean) => void;
  /** The next value of the sandbox's effect counter: recorded effects carry one, so {@link Disposer.since} can tell old from new. */
  readonly stamp: () => number;
}

/** An app's place in the page URL, for its scoped `location` and `history`. */
export interface RouteOptions {
  /** The path prefix the app is active under (its `route` attribute); `''` for the whole path. */
  readonly base: string;
  /** Restarts the app: what its `location.reload()` and `history.go(0)` do instead of reloading the page. */
  readonly reload?: () => void;
  /**
   * Asked when the app is torn down or parked: true keeps the page URL the
   * app navigated to; otherwise, if the page is still where the app last
   * moved it, it goes back (replaced, not pushed) to where it was before
   * (see patchers/route-clear.ts).
   */
  readonly keepUrl?: () => boolean;
}

/** A patcher installs sandbox-local behaviour and returns its undo. */
export type Patcher = (target: PatchTarget) => Disposer;

/**
 * Events Portico simulates for the app instead of letting it hear the host's
 * (`DOMContentLoaded`, `load`, `readystatechange`, `pagehide`, `unload`): the
 * host's fired long ago, the app's happen when its scripts have run.
 */
export interface LocalEvents {
  has(target: 'window' | 'document', type: string): boolean;
  add(target: 'window' | 'document', type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  remove(target: 'window' | 'document', type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  /** Calls the listeners for `type` on `target`, then the `on<type>` handler property if any. */
  dispatch(target: 'window' | 'document', type: string): void;
}
