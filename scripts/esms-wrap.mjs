/**
 * es-module-shims is a classic script that installs itself on `globalThis`:
 * `importShim` (non-configurable, so it can never be removed again) and
 * `esmsInitOptions`, and, when it sees a `document`, a `DOMContentLoaded`
 * and a `load` listener, a MutationObserver and `<script>` queries. Portico
 * wants none of that on the host page, so the build (vite.config.ts) and the
 * test server (web-test-runner.config.mjs) both serve the file as a module
 * whose default export runs the script with `globalThis`, `self` and `window`
 * shadowed by a private scope object and `document` undefined: the script
 * then takes the "no document" path (shim mode, no DOM work) and leaves its
 * globals on the scope object only. See src/loader/esm-shims.ts.
 */

/** True for the es-module-shims file this transform applies to. */
export const isEsModuleShims = (id) => /[\\/]es-module-shims[\\/]dist[\\/]es-module-shims\.js(\?.*)?$/.test(id);

/** The script's source as a module: `export default function (globalThis, self, window, document) { … }`. */
export const wrapEsModuleShims = (code) =>
  `export default function installEsModuleShims(globalThis, self, window, document) {\n${code}\n}\n`;

/** A Vite (rolldown) plugin that applies the wrap. */
export const esModuleShimsPlugin = () => ({
  name: 'portico-es-module-shims',
  transform(code, id) {
    return isEsModuleShims(id) ? { code: wrapEsModuleShims(code), map: null } : undefined;
  },
});
