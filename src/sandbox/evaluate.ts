import { CONTEXT_NAME } from './proxy-window.js';
import { scanDeclarations } from './scan-declarations.js';

/**
 * What the compiled wrapper of a classic script receives: the `with` scope,
 * the values of the names it binds as parameters, and the hooks that publish
 * its top-level declarations.
 */
export interface ScriptContext {
  readonly scope: object;
  /** The value each of {@link PARAMETERS} has for this sandbox, read when a script starts. */
  readonly parameters: () => unknown[];
  /** Publishes a top-level binding of the script as a live global of the sandbox. */
  readonly lex: (name: string, get: () => unknown, set: (value: unknown) => void) => void;
  /** Whether the sandbox already has a global `name` (a `var` redeclared by a later script keeps its value). */
  readonly has: (name: string) => boolean;
  /** The sandbox's current value of global `name`. */
  readonly get: (name: string) => unknown;
}

/**
 * Names every classic script gets as parameters of an inner function, so
 * they resolve lexically, before the `with` scope and at native speed: the
 * self-references, `document`, and the built-ins hot loops use. Values are
 * read from the sandbox window when each script starts, so an app that
 * replaces one (`window.Promise = …`) is seen by its later scripts.
 */
export const PARAMETERS = [
  'window', 'self', 'globalThis', 'document',
  'Object', 'Array', 'Function', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Math', 'JSON', 'Date', 'RegExp',
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Reflect', 'Proxy',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI',
  'Uint8Array', 'Int32Array', 'Float64Array', 'ArrayBuffer', 'DataView', 'Intl', 'console', 'undefined', 'NaN', 'Infinity',
] as const;

/** A classic script compiled once; returns the script body bound to one sandbox's `with` scope. */
type Compiled = (context: ScriptContext) => (this: object, ...parameters: unknown[]) => void;

const compiled = new Map<string, Compiled>();

/**
 * Compiles a classic script. This module is the only place Portico turns
 * text into code, so a stricter execution mode (CSP nonces, Trusted Types)
 * has one place to go.
 *
 * The script becomes the body of an inner function inside
 * `with (sandbox) { … }`:
 * - {@link PARAMETERS} resolve as parameters, at native speed;
 * - top-level `var`, `function`, `class`, `let` and `const` are locals of the
 *   inner function, so the script's own hot loops run at native speed; a
 *   prelude publishes each as a live accessor on the sandbox window, so
 *   `window.x` and the app's later scripts see them as they would natively,
 *   and a `var` a previous script defined starts with that value;
 * - every other free identifier (and implicit global) resolves through the
 *   `with` scope to the sandbox window.
 * The script stays on line 1 after the prelude, and a `sourceURL` names the
 * app's file, so stack traces keep their line numbers.
 *
 * Compiled functions are cached by URL and source: the second instance of an
 * app, or a remount, does not parse its scripts again. Throws the engine's
 * SyntaxError for code that does not parse.
 */
export function compileScript(code: string, url: string): Compiled {
  const key = `${url}\n${code}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const { lexical, vars } = scanDeclarations(code);
  const publish = (name: string) => `${CONTEXT_NAME}.lex(${JSON.stringify(name)},function(){return ${name}},function(v){${name}=v});`;
  const prelude =
    vars.filter(isPlainIdentifier).map((name) => `if(${CONTEXT_NAME}.has(${JSON.stringify(name)}))${name}=${CONTEXT_NAME}.get(${JSON.stringify(name)});${publish(name)}`).join('') +
    lexical.filter(isPlainIdentifier).map(publish).join('');
  // A parameter may not share its name with a top-level let/const/class of the body.
  const parameters = PARAMETERS.map((name) => (lexical.includes(name) ? `${CONTEXT_NAME}_${name}` : name));
  const source =
    `(function(${CONTEXT_NAME}){with(${CONTEXT_NAME}.scope){return function(${parameters.join(',')}){${prelude}${code}\n}}})` +
    `\n//# sourceURL=${url.replace(/\s/g, '%20')}`;
  // Indirect eval: compiled in the global scope, so the wrapper closes over nothing of Portico's.
  const fn = (0, eval)(source) as Compiled;
  compiled.set(key, fn);
  return fn;
}

/** Compiles and runs `code` with `thisArg` as its top-level `this` (the sandbox window). */
export function runScript(code: string, url: string, thisArg: object, context: ScriptContext): void {
  compileScript(code, url)(context).apply(thisArg, context.parameters());
}

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function ' +
    'if import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined').split(' '),
);

/** Only plain, non-reserved names go into the prelude: a bad one would make the whole script a SyntaxError. */
function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name) && name !== CONTEXT_NAME;
}
