import type { Patcher } from '../types.js';
import { wrapCreateElement } from './wrap-create-element.js';

/** The `type` an app-created script carries while it waits: no browser runs it. */
const INERT = 'text/x-portico-inert';
const CLASSIC = /^(|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript|application\/x-javascript)$/i;

/**
 * Runs the scripts an app creates at run time (webpack's JSONP chunks,
 * `$.getScript`, analytics snippets) inside its sandbox instead of the host's
 * global scope.
 *
 * A script the app makes with `document.createElement('script')` is born
 * inert: its `type` attribute holds a non-JavaScript type, so inserting it
 * runs nothing, while its `type` property still reads what the app set. A
 * MutationObserver on the app's root sees it arrive anywhere in the app's
 * tree; Portico then fetches it (relative URLs against the app's base), runs
 * it with `document.currentScript` set, and fires `load` or `error` on it, as
 * a browser would. Scripts inserted through `innerHTML` never run, as natively.
 * Nothing of the host is patched: only the app's own `document.createElement`.
 */
export const patchDynamicScripts: Patcher = (target) => {
  const waiting = new WeakMap<HTMLScriptElement, { type: string }>();
  const controller = new AbortController();
  const unwrap = wrapCreateElement(target, (el, tag) => {
    if (tag === 'script' && el instanceof HTMLScriptElement) makeInert(el, waiting);
  });

  const run = async (script: HTMLScriptElement, type: string) => {
    if (!CLASSIC.test(type.trim())) return;
    const src = script.getAttribute('src');
    if (src === null) return void runReported(() => target.evaluate(script.text, `${target.baseUrl}#inline-dynamic-script`, script));
    const url = new URL(src, target.baseUrl).href;
    let code: string;
    try {
      const response = await fetch(url, { signal: controller.signal, mode: 'cors' });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      code = await response.text();
    } catch {
      if (!controller.signal.aborted) script.dispatchEvent(new Event('error'));
      return;
    }
    if (controller.signal.aborted) return;
    runReported(() => target.evaluate(code, url, script));
    script.dispatchEvent(new Event('load'));
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const scripts = node instanceof HTMLScriptElement ? [node] : node instanceof Element ? node.querySelectorAll('script') : [];
        for (const script of scripts) {
          const entry = waiting.get(script);
          if (!entry || !script.isConnected) continue;
          waiting.delete(script);
          void run(script, entry.type);
        }
      }
    }
  });
  observer.observe(target.tree.root, { childList: true, subtree: true });

  return () => {
    controller.abort();
    observer.disconnect();
    unwrap();
  };
};

/** Parks the real `type` attribute on an inert value and gives the element a `type` property that keeps the app's. */
function makeInert(script: HTMLScriptElement, waiting: WeakMap<HTMLScriptElement, { type: string }>): void {
  const entry = { type: '' };
  waiting.set(script, entry);
  script.setAttribute('type', INERT);
  Object.defineProperty(script, 'type', {
    configurable: true,
    get: () => entry.type,
    set: (value: string) => void (entry.type = String(value)),
  });
}

/** An error in a dynamically inserted script is reported like any script error, not thrown at the inserter. */
function runReported(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    reportError(error);
  }
}
