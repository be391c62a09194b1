import { toPorticoError } from '../errors.js';
import { compileScript } from '../sandbox/evaluate.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { ModuleScope } from './module-loader.js';
import type { EntryScript } from './parse-entry.js';

/** Options for {@link runScripts}. */
export interface RunScriptsOptions {
  app: string;
  sandbox: Sandbox;
  /** The live `<script>` elements in the app's tree, by {@link EntryScript.index}: they are `document.currentScript`. */
  elements: readonly HTMLScriptElement[];
  signal: AbortSignal;
  fetchText: (url: string, signal: AbortSignal) => Promise<string>;
  /** Where `type="module"` scripts run; created on first use. */
  modules: () => ModuleScope;
  /** The URL inline module scripts resolve their imports against. */
  baseUrl: string;
}

/**
 * Runs an entry's scripts with the browser's ordering rules, all through the
 * sandbox:
 * - every external script starts downloading at once (like the preload scanner);
 * - classic and inline scripts run in document order, each after the previous;
 * - `defer` and module scripts run after those, in document order, then
 *   `DOMContentLoaded` fires (modules through es-module-shims, see module-loader.ts);
 * - `async` scripts run as soon as they arrive, in any order, before `load`.
 * A script that fails to load or throws rejects with a PorticoError; removal
 * (the signal) stops the run between scripts.
 */
export async function runScripts(scripts: readonly EntryScript[], options: RunScriptsOptions): Promise<{ entryIndex: number }> {
  const { sandbox, signal } = options;
  const runnable = scripts.filter((s) => s.kind !== 'skip');
  const classic = runnable.filter((s) => s.kind !== 'module');
  const sources = new Map(classic.map((s) => [s, s.src ? load(s.src, options) : Promise.resolve(s.text)] as const));
  // Avoid unhandled-rejection noise for scripts whose turn never comes.
  for (const pending of sources.values()) pending.catch(() => undefined);

  const execute = async (script: EntryScript) => {
    if (script.kind === 'module') return runModule(script, options);
    const code = await sources.get(script)!;
    signal.throwIfAborted();
    execute1(script, code, options);
  };

  const asyncRuns = runnable.filter((s) => s.kind === 'async').map(execute);
  for (const s of runnable.filter((s) => s.kind === 'classic')) await execute(s);
  sandbox.setReadyState('interactive');
  for (const s of runnable.filter((s) => s.kind === 'defer' || s.kind === 'module')) await execute(s);
  signal.throwIfAborted();
  sandbox.fire('document', 'DOMContentLoaded');
  sandbox.fire('window', 'DOMContentLoaded');
  await Promise.all(asyncRuns);
  const marked = runnable.findIndex((s) => s.isEntry);
  return { entryIndex: marked >= 0 ? marked : runnable.length - 1 };
}

function execute1(script: EntryScript, code: string, { app, sandbox, elements }: RunScriptsOptions): void {
  const url = script.src ?? `portico://${encodeURIComponent(app)}/inline-script-${script.index}.js`;
  const name = script.src ?? `#${script.index} (inline)`;
  try {
    compileScript(code, url);
  } catch (error) {
    throw toPorticoError(app, 'PORTICO_SCRIPT_SYNTAX', `script ${name} does not parse`, error);
  }
  try {
    sandbox.run(code, url, elements[script.index] ?? null);
  } catch (error) {
    throw toPorticoError(app, 'PORTICO_SCRIPT_THROW', `script ${name} threw`, error);
  }
}

async function runModule(script: EntryScript, { app, modules, baseUrl, signal, sandbox }: RunScriptsOptions): Promise<void> {
  signal.throwIfAborted();
  const name = script.src ?? `#${script.index} (inline module)`;
  try {
    await (script.src ? modules().importUrl(script.src) : modules().importInline(script.text, baseUrl, script.index));
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const message = error instanceof Error ? error.message : String(error);
    const code =
      error instanceof SyntaxError
        ? 'PORTICO_SCRIPT_SYNTAX'
        : /\b[45]\d\d\b|Failed to fetch|Content-Type/.test(message)
          ? 'PORTICO_SCRIPT_HTTP'
          : 'PORTICO_SCRIPT_THROW';
    throw toPorticoError(app, code, `module ${name} failed`, error);
  } finally {
    // What the module changed on host prototypes, run or failed, is the app's (sandbox/host-guard.ts).
    sandbox.settle();
  }
}

async function load(src: string, { app, fetchText, signal }: RunScriptsOptions): Promise<string> {
  try {
    return await fetchText(src, signal);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw toPorticoError(app, 'PORTICO_SCRIPT_HTTP', `script ${src} could not be loaded`, error);
  }
}
