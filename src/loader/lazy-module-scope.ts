import type { Sandbox } from '../sandbox/sandbox.js';
import { scanDeclarations } from '../sandbox/scan-declarations.js';
import { moduleKey, type AssetCache, type CachedAsset } from './asset-cache.js';
import type { ModuleGlobals, ModuleScope, ModuleSources } from './module-loader.js';

/**
 * The module loader (module-loader.ts, esm-shims.ts and es-module-shims
 * itself) is a chunk of its own, fetched when the first app with module
 * scripts runs one: a portal of classic-script apps never downloads it, and
 * the CDN file stays within its size budget (scripts/build.mjs). Module
 * sources go through `sources`, the page's cache, when given.
 */
export function createLazyModuleScope(sandbox: Sandbox, sources?: AssetCache): ModuleScope {
  const globals: ModuleGlobals = {
    names: () => Object.keys(sandbox.moduleBindings()),
    read: (name) => (sandbox.window as unknown as Record<string, unknown>)[name],
    owns: (name) => Object.prototype.hasOwnProperty.call(sandbox.globals, name),
    watch: (names, onChange) => sandbox.watchGlobals(names, onChange),
  };
  // Every top-level name a module declares, lexical or `var`: importing one of them would redeclare it.
  const declares = (source: string) => {
    const { lexical, vars } = scanDeclarations(source);
    return [...lexical, ...vars];
  };
  const cached: ModuleSources | undefined = sources && {
    get: (url) => sources.get(moduleKey(url)),
    set: (url, asset) => sources.set(moduleKey(url), asset),
    pending: (url) => sources.pending(moduleKey(url)) as Promise<CachedAsset | undefined> | undefined,
  };
  const scope = import('./module-loader.js').then(({ createModuleScope }) => createModuleScope(globals, declares, cached));
  // A failed chunk load surfaces from importUrl/importInline; release has nothing to undo then.
  scope.catch(() => undefined);
  return {
    importUrl: async (url) => (await scope).importUrl(url),
    importInline: async (code, baseUrl, index) => (await scope).importInline(code, baseUrl, index),
    release() {
      scope.then((loaded) => loaded.release(), () => undefined);
    },
  };
}
