import type { Patcher } from '../types.js';
import { createHold } from './held-events.js';
import { nativeSubclass, silence } from './native-class.js';

const EVENTS = ['message', 'messageerror', 'error'];

/**
 * Gives the app its own `Worker` and `SharedWorker`. Script URLs resolve
 * against the app's base URL, not the host page's. A browser refuses to start
 * a worker from another origin, so a cross-origin script is started from a
 * same-origin blob whose only code loads it: `importScripts(url)` for classic
 * workers (with `importScripts` made to resolve relative URLs against the
 * script's own URL, since a blob has no directory), `import 'url'` for
 * `{ type: 'module' }` ones, whose own imports resolve natively.
 *
 * Teardown terminates every worker the app started and closes its
 * SharedWorker ports (a shared worker itself lives as long as the page);
 * after it, no `message` or `error` of theirs reaches the app, nor is
 * reported as uncaught (terminating a worker inside `importScripts` makes
 * it fail with a NetworkError). While the app is parked, its workers'
 * messages wait for its next mount (see held-events.ts).
 */
export const patchWorkers: Patcher = (target) => {
  const workers = new Set<Worker>();
  const ports = new Set<MessagePort>();
  // One blob per script, so two `new SharedWorker(url)` calls still reach the same worker.
  const shims = new Map<string, string>();
  const installed: string[] = [];
  let disposed = false;
  const hold = createHold();

  const scriptUrl = (url: unknown, options: unknown): unknown => {
    let absolute: URL;
    try {
      absolute = new URL(String(url), target.baseUrl);
    } catch {
      return url; // the real constructor throws its own SyntaxError
    }
    if (absolute.origin === location.origin || absolute.protocol === 'blob:' || absolute.protocol === 'data:') return absolute.href;
    const module = typeof options === 'object' && options !== null && (options as WorkerOptions).type === 'module';
    const key = `${module ? 'module' : 'classic'} ${absolute.href}`;
    let shim = shims.get(key);
    if (!shim) {
      const href = JSON.stringify(absolute.href);
      const code = module
        ? `import ${href};`
        : `(function(){var base=${href},load=self.importScripts;self.importScripts=function importScripts(){` +
          `return load.apply(self,Array.prototype.map.call(arguments,function(u){return new URL(u,base).href}))}})();importScripts(${href});`;
      shim = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      shims.set(key, shim);
    }
    return shim;
  };
  const prepare = ([url, options, ...rest]: unknown[]) => [scriptUrl(url, options), options, ...rest];

  if (typeof Worker === 'function') {
    const Sub = nativeSubclass(Worker, prepare, (worker) => {
      silence(worker, EVENTS, () => disposed);
      hold.watch(worker, EVENTS);
      if (disposed) worker.terminate();
      else workers.add(worker);
    });
    target.overrides.window.set('Worker', Sub);
    installed.push('Worker');
  }
  if (typeof SharedWorker === 'function') {
    const Sub = nativeSubclass(SharedWorker, prepare, (worker) => {
      silence(worker, EVENTS, () => disposed);
      silence(worker.port, EVENTS, () => disposed);
      hold.watch(worker, EVENTS);
      hold.watch(worker.port, EVENTS);
      if (disposed) worker.port.close();
      else ports.add(worker.port);
    });
    target.overrides.window.set('SharedWorker', Sub);
    installed.push('SharedWorker');
  }

  return Object.assign(() => {
    disposed = true;
    hold.clear();
    const released = { workers: workers.size + ports.size };
    for (const worker of workers) worker.terminate();
    for (const port of ports) port.close();
    for (const shim of shims.values()) URL.revokeObjectURL(shim);
    workers.clear();
    ports.clear();
    shims.clear();
    for (const name of installed) target.overrides.window.delete(name);
    return released;
  }, { suspend: hold.sleep, resume: hold.wake });
};
