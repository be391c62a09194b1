import '../index.js';
import type { MicroAppElement } from '../elements/micro-app.js';
import { internalsOf } from '../elements/testing.js';

/** The second origin the sub-app fixtures are served from (see web-test-runner.config.mjs). */
export const APPS: string = (globalThis as { __PORTICO_APPS__?: string }).__PORTICO_APPS__ ?? 'http://127.0.0.1:4301';

/** Resolves with the first of `types` that `target` fires. */
export function nextEvent<T extends Event = Event>(target: EventTarget, ...types: string[]): Promise<T> {
  return new Promise((resolve) => {
    const handler = (event: Event) => {
      for (const type of types) target.removeEventListener(type, handler);
      resolve(event as T);
    };
    for (const type of types) target.addEventListener(type, handler);
  });
}

/**
 * Puts `<micro-app name src>` into the page (or `parent`) and waits until it
 * is mounted or has failed.
 */
export async function mount(name: string, src: string, parent: Element = document.body, setup?: (el: MicroAppElement) => void): Promise<MicroAppElement> {
  const el = document.createElement('micro-app');
  el.setAttribute('name', name);
  el.setAttribute('src', src);
  setup?.(el);
  const settled = nextEvent(el, 'micro-app-mounted', 'micro-app-error');
  parent.append(el);
  await settled;
  return el;
}

/** Removes an element and waits until its app is fully torn down. */
export async function unmount(el: MicroAppElement): Promise<void> {
  if (el.status === 'idle' || el.status === 'unmounted') return el.remove();
  const done = nextEvent(el, 'micro-app-unmounted');
  el.remove();
  await done;
}

/** The app's own root, sandbox window and document (test-only access to the closed root). */
export function inside(el: MicroAppElement) {
  const { root, app } = internalsOf(el);
  return { root, app, window: app?.sandbox.window as (Window & Record<string, any>) | undefined, document: app?.sandbox.document };
}

/** Polls until `check` returns truthy, or fails after `timeout` ms. */
export async function until<T>(check: () => T, timeout = 5000, what = 'condition'): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
