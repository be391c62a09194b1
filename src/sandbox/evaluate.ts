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
  /** The sandbox's `eval`, which indirect uses of `eval` are rewritten to. */
  readonly eval: (code: unknown) => unknown;
  /** Maps a sloppy function's default `this` (the real window) to the sandbox window. */
  readonly self: (thisArg: unknown) => unknown;
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

/** By URL, then by source text: keyed by the very string fetched, so a big bundle is not held twice. */
const compiled = new Map<string, Map<string, Compiled>>();

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
  const byCode = compiled.get(url) ?? new Map<string, Compiled>();
  compiled.set(url, byCode);
  const hit = byCode.get(code);
  if (hit) return hit;
  const original = code;
  const { lexical, vars, evalValues } = scanDeclarations(code);
  // `(0, eval)(code)` and friends: point them at the sandbox's eval (direct `eval(…)` calls keep theirs).
  for (const at of evalValues.reverse()) code = `${code.slice(0, at)}${CONTEXT_NAME}.eval${code.slice(at + 4)}`;
  const prelude = vars.filter(isPlainIdentifier).map(publishVar).join('') + lexical.filter(isPlainIdentifier).map(publish).join('');
  // A parameter may not share its name with a top-level let/const/class of the body.
  const parameters = PARAMETERS.map((name) => (lexical.includes(name) ? `${CONTEXT_NAME}_${name}` : name));
  // The inner function in parentheses: V8 compiles it with the wrapper instead of pre-parsing the whole
  // script now and parsing it again on its first call. https://v8.dev/blog/preparser#pife
  const source =
    `(function(${CONTEXT_NAME}){with(${CONTEXT_NAME}.scope){return (function(${parameters.join(',')}){${prelude}${code}\n})}})` +
    `\n//# sourceURL=${url.replace(/\s/g, '%20')}`;
  // Indirect eval: compiled in the global scope, so the wrapper closes over nothing of Portico's.
  const fn = (0, eval)(source) as Compiled;
  byCode.set(original, fn);
  return fn;
}

/**
 * `eval` as the app's window hands it out: code runs as an indirect eval
 * would, but against the sandbox (its free identifiers and `this` are the
 * sandbox's), and its completion value is returned.
 */
export function evaluateIndirect(code: unknown, context: ScriptContext, thisArg: object): unknown {
  if (typeof code !== 'string') return code;
  // Its `var`s become sandbox globals, as an indirect eval's do: declared and
  // published first, then assigned by the eval, which shares their scope.
  const names = scanDeclarations(code).vars.filter(isPlainIdentifier);
  const key = names.join(',');
  let factory = indirect.get(key);
  if (!factory) {
    const declare = names.length ? `var ${key};${names.map(publishVar).join('')}` : '';
    factory = (0, eval)(
      `(function(${CONTEXT_NAME}){with(${CONTEXT_NAME}.scope){return function(){${declare}return eval(arguments[0])}}})`,
    ) as (context: ScriptContext) => (this: object, code: string) => unknown;
    indirect.set(key, factory);
  }
  return factory(context).call(thisArg, code);
}
const indirect = new Map<string, (context: ScriptContext) => (this: object, code: string) => unknown>();

/**
 * `Function` as the app sees it: `new Function('a', 'b', 'return a + b')`
 * compiles against the sandbox, and a function called without a receiver
 * gets the sandbox window as `this` (so `Function('return this')()` is the
 * sandbox window, and regenerator-style `Function('r', 'regeneratorRuntime = r')`
 * writes a sandbox global).
 */
export function compileFunction(args: unknown[], context: ScriptContext): Function {
  const body = args.length ? String(args[args.length - 1]) : '';
  const params = args.slice(0, -1).map(String).join(',');
  const key = `${params}\n${body}`;
  let factory = functions.get(key);
  if (!factory) {
    factory = (0, eval)(
      `(function(${CONTEXT_NAME}){with(${CONTEXT_NAME}.scope){return function anonymous(${params}\n){\n${body}\n}}})`,
    ) as (context: ScriptContext) => Function;
    functions.set(key, factory);
  }
  const fn = factory(context);
  return function anonymous(this: unknown, ...rest: unknown[]) {
    return new.target ? Reflect.construct(fn, rest) : fn.apply(context.self(this), rest);
  };
}
const functions = new Map<string, (context: ScriptContext) => Function>();

/** Compiles and runs `code` with `thisArg` as its top-level `this` (the sandbox window). */
export function runScript(code: string, url: string, thisArg: object, context: ScriptContext): void {
  compileScript(code, url)(context).apply(thisArg, context.parameters());
}

/** Prelude code publishing one top-level binding as a live accessor on the sandbox. */
const publish = (name: string) => `${CONTEXT_NAME}.lex(${JSON.stringify(name)},function(){return ${name}},function(v){${name}=v});`;

/** Like {@link publish}, for a `var`: it starts with the value an earlier script gave the global. */
const publishVar = (name: string) =>
  `if(${CONTEXT_NAME}.has(${JSON.stringify(name)}))${name}=${CONTEXT_NAME}.get(${JSON.stringify(name)});${publish(name)}`;

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function ' +
    'if import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined').split(' '),
);

/** Only plain, non-reserved names go into the prelude: a bad one would make the whole script a SyntaxError. */
function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name) && name !== CONTEXT_NAME;
}
