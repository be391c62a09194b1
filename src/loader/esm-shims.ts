/**
 * es-module-shims, installed where the host cannot see it. The package is a
 * classic script that would put `importShim` (non-configurable: it can never
 * be removed) and `esmsInitOptions` on the host's `window`, and add a
 * `DOMContentLoaded` and a `load` listener and a MutationObserver to the
 * host's document. The build and the test server serve it as a module whose
 * default export runs it with `globalThis`/`self`/`window` bound to a private
 * scope object and `document` undefined (scripts/esms-wrap.mjs): it then
 * takes its documented "no document" path (shim mode, no DOM work), and
 * everything it installs lands on that object.
 *
 * Modules it loads reach `importShim` by name (it rewrites `import()` to
 * `importShim(…)` and `import.meta` to `importShim._r[url].m`), so the loader
 * hands each module `importShim` through its line-1 import, and the modules
 * it generates reach the loader's state through one native "slots" module
 * (a blob URL, passed through with the `skip` option) rather than a global.
 */

/** The loader's hooks, as es-module-shims calls them. */
export interface ShimHooks {
  resolve(id: string, parent: string | undefined, defaultResolve: (id: string, parent?: string) => string): string;
  source(url: string, options: RequestInit, parent: string, defaultSource: Function): Promise<unknown>;
}

/** The private `importShim` and what the loader needs of its internals. */
export type ImportShim = ((url: string) => Promise<unknown>) & { _r: Record<string, { b?: string } | undefined> };

/** A private es-module-shims install. */
export interface Shims<T> {
  importShim: ImportShim;
  /** Shared with generated modules: `import{slots}from"<slotsUrl>"`. */
  slots: Map<string, T>;
  slotsUrl: string;
}

/** Installs es-module-shims into a private scope with `hooks(slotsUrl, slots)` as its resolve and source hooks. */
export async function installShims<T>(hooks: (slotsUrl: string, slots: Map<string, T>) => ShimHooks): Promise<Shims<T>> {
  const slotsUrl = URL.createObjectURL(new Blob(['export const slots=new Map()'], { type: 'text/javascript' }));
  // The two loads go out together: the chunk is a round trip, the slots module a blob read.
  const shims = import('es-module-shims');
  const { slots } = (await import(/* @vite-ignore */ slotsUrl)) as { slots: Map<string, T> };
  const { default: install, lexerReady } = await shims;
  // Its lexer is WebAssembly (scripts/esms-wrap.mjs): compiled once, before the first module is lexed.
  await lexerReady;
  const scope: Record<string, unknown> = {
    esmsInitOptions: {
      shimMode: true,
      // Hold app modules' load events to the app itself: the host's DOMContentLoaded is long gone.
      noLoadEventRetriggers: true,
      skip: [slotsUrl],
      ...hooks(slotsUrl, slots),
    },
    // What the script reads off its global besides its options (uncaught load errors, blob URL clean-up).
    reportError: (error: unknown) => reportError(error),
    requestIdleCallback: (callback: IdleRequestCallback) => requestIdleCallback(callback),
    // Its asm.js lexer takes its global as the asm.js "stdlib".
    Int8Array,
    Int16Array,
    Int32Array,
    Uint8Array,
    Uint16Array,
  };
  install(scope, scope, scope, undefined);
  return { importShim: scope.importShim as ImportShim, slots, slotsUrl };
}
