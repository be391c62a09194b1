import { scanTopLevelDeclarations } from '../sandbox/scan-declarations.js';
import type { AssetCache } from './asset-cache.js';
import type { ModuleScope } from './module-loader.js';

/**
 * The module loader (module-loader.ts, esm-shims.ts and es-module-shims
 * itself) is a chunk of its own, fetched when the first app with module
 * scripts runs one: a portal of classic-script apps never downloads it, and
 * the CDN file stays within its size budget (scripts/build.mjs). Module
 * sources go through `sources`, the page's cache, when given.
 */
export function createLazyModuleScope(bindings: () => Record<string, unknown>, sources?: AssetCache): ModuleScope {
  const scope = import('./module-loader.js').then(({ createModuleScope }) => createModuleScope(bindings, scanTopLevelDeclarations, sources));
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
