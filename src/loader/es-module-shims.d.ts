/**
 * es-module-shims as Portico's build serves it (scripts/esms-wrap.mjs): a
 * module whose default export runs the script against the given globals, and
 * whose `lexerReady` settles once its (WebAssembly) lexer is compiled.
 */
declare module 'es-module-shims' {
  const install: (globalThis: object, self: object, window: object, document: undefined) => void;
  export default install;
  export const lexerReady: Promise<void>;
}
