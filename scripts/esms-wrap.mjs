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
 *
 * The wrap also swaps the script's bundled lexer for es-module-lexer's
 * WebAssembly build. The bundled one is the "minimal" asm.js build, which V8
 * rejects as asm.js ("Invalid asm.js: Invalid return type", seen with
 * `node --trace-asm-time`) and so runs as plain JavaScript: its first lex of
 * the Vite bench app's 58 kB chunk took about 60 ms in a fresh page. The
 * module's `lexerReady` export settles when the Wasm is compiled; the loader
 * awaits it before installing. Figures: README "Mount timing".
 */

/** Where the bundled lexer starts, and where the script's own code resumes after it (es-module-shims 2.8). */
const LEXER_START = '/* es-module-lexer (minimal) ';
const LEXER_END = '\n\n  const _resolve = ';

/** True for the es-module-shims file this transform applies to. */
export const isEsModuleShims = (id) => /[\\/]es-module-shims[\\/]dist[\\/]es-module-shims\.js(\?.*)?$/.test(id);

/** True for the es-module-lexer build the wrap imports. */
export const isEsModuleLexer = (id) => /[\\/]es-module-lexer[\\/]dist[\\/]lexer\.minimal\.js(\?.*)?$/.test(id);

/**
 * The script's source as a module: `export default function (globalThis, self, window, document) { … }`,
 * its lexer replaced by es-module-lexer's Wasm `parse` (the same result: imports and exports).
 * Throws when the lexer is not where es-module-shims 2.8 has it, so a new version cannot slip through unswapped.
 */
export const wrapEsModuleShims = (code) => {
  const start = code.indexOf(LEXER_START);
  const end = code.indexOf(LEXER_END, start);
  if (start < 0 || end < 0) throw new Error('esms-wrap: the lexer of es-module-shims was not found; update scripts/esms-wrap.mjs for this version');
  const body = `${code.slice(0, start)}const parse = lexerParse;${code.slice(end)}`;
  return (
    `import { init as lexerReady, parse as lexerParse } from 'es-module-lexer/minimal';\n` +
    `export { lexerReady };\n` +
    `export default function installEsModuleShims(globalThis, self, window, document) {\n${body}\n}\n`
  );
};

/**
 * es-module-lexer's build as a module that cannot see a host's `Buffer`: it
 * copies the source into Wasm memory through `Buffer` when one exists (Node),
 * and a host page's Buffer polyfill is no business of the lexer's.
 */
export const wrapEsModuleLexer = (code) => `const Buffer = undefined;\n${code}`;

/** The file at `id` as it must be served (the wrap of es-module-shims or of its lexer), or undefined for any other file. */
export const wrapServed = (id, code) => (isEsModuleShims(id) ? wrapEsModuleShims(code) : isEsModuleLexer(id) ? wrapEsModuleLexer(code) : undefined);

/** A Vite (rolldown) plugin that applies the wrap. */
export const esModuleShimsPlugin = () => ({
  name: 'portico-es-module-shims',
  transform(code, id) {
    const wrapped = wrapServed(id, code);
    return wrapped === undefined ? undefined : { code: wrapped, map: null };
  },
});
