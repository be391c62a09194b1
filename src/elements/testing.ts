/**
 * Test helpers that reach inside a `<micro-app>`. Not part of the package's
 * public exports: pages cannot import it from the published build, so the
 * shadow root stays closed to them.
 */
export { internalsOf } from './internals.js';
