import { CONTEXT_NAME } from './proxy-window.js';
import { scanTopLevelDeclarations } from './scan-declarations.js';

/**
 * What the compiled wrapper of a classic script receives: the `with` scope
 * and the hook that publishes its top-level lexical declarations.
 */
export interface ScriptContext {
  readonly scope: object;
  /** Publishes a top-level binding of the script as a live global of the sandbox. */
  readonly lex: (name: string, get: () => unknown, set: (value: unknown) => void) => void;
}

/** A classic script compiled once; run it against any sandbox's context. */
export type CompiledScript = (this: object, context: ScriptContext) => void;

const compiled = new Map<string, CompiledScript>();

/**
 * Compiles a classic script into a function that runs it inside
 * `with (sandbox) { … }`. This module is the only place Portico turns text
 * into code, so a stricter execution mode (CSP nonces, Trusted Types) has one
 * place to go.
 *
 * The wrapper keeps the script on line 1 after a short prelude and appends a
 * `sourceURL`, so stack traces and devtools name the app's own file with the
 * right line numbers. The prelude publishes the script's top-level `function`,
 * `class`, `let` and `const` bindings to the sandbox as live accessors, so the
 * app's next script sees them as it would natively; `var` declarations need
 * nothing, since their assignments already resolve through the `with` scope.
 *
 * Compiled functions are cached by URL and source, so the second instance of an
 * app, or a remount, does not parse its scripts again. Throws the engine's
 * SyntaxError for code that does not parse.
 */
export function compileScript(code: string, url: string): CompiledScript {
  const key = `${url}\n${code}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const prelude = scanTopLevelDeclarations(code)
    .filter(isPlainIdentifier)
    .map((name) => `${CONTEXT_NAME}.lex(${JSON.stringify(name)},function(){return ${name}},function(v){${name}=v});`)
    .join('');
  const source = `(function(${CONTEXT_NAME}){with(${CONTEXT_NAME}.scope){${prelude}${code}\n}})\n//# sourceURL=${url.replace(/\s/g, '%20')}`;
  // Indirect eval: compiled in the global scope, so the wrapper closes over nothing of Portico's.
  const fn = (0, eval)(source) as CompiledScript;
  compiled.set(key, fn);
  return fn;
}

/** Compiles and runs `code` with `thisArg` as its top-level `this` (the sandbox window). */
export function runScript(code: string, url: string, thisArg: object, context: ScriptContext): void {
  compileScript(code, url).call(thisArg, context);
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
