/**
 * The modules an ES-module sub-app can import to reach the page's bus and
 * stores without importing anything from the host:
 *
 *   import store, { store as storeNamed, bus } from 'portico:store';
 *   import bus from 'portico:bus';
 *
 * `store` (the default export of `portico:store`) is the page's "global"
 * `<micro-store>`; `storeNamed('cart')` another one. Both read the app's own
 * `window.__PORTICO__`, so they are the same objects its classic scripts and
 * props get, released when it unmounts. The module loader's resolve hook maps
 * the bare specifiers to {@link PORTAL_MODULES} URLs and its source hook
 * answers them with {@link portalModuleSource}.
 */

/** Where the virtual modules "live" (never fetched). */
export const PORTAL_MODULES = 'https://portico.invalid/portal/';

const SPECIFIERS: Record<string, string | undefined> = { 'portico:store': 'store.js', 'portico:bus': 'bus.js' };

/** The virtual module URL (without the instance mark) for a bare specifier, or undefined for any other. */
export function portalModuleUrl(specifier: string): string | undefined {
  const file = SPECIFIERS[specifier];
  return file && PORTAL_MODULES + file;
}

/**
 * The source of a virtual module. `window` is an expression for the app's
 * sandbox window, or undefined when the importer is not a sub-app.
 */
export function portalModuleSource(url: string, window: string | undefined): string {
  if (!window) return `throw new Error("[portico] ${url.split('#')[0]} can only be imported by a sub-app's module.");`;
  const api = `const p=${window}.__PORTICO__;`;
  return url.startsWith(`${PORTAL_MODULES}bus.js`)
    ? `${api}export const bus=p.bus;export default bus;`
    : `${api}export const store=p.store,bus=p.bus;export default store();`;
}
