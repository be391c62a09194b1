/**
 * micro-app: `microApp.start()` once, then `<micro-app name url>` (its default
 * with-sandbox); the mount starts when the element is inserted. Removing the
 * element unmounts; a later element with the same name and url reuses the app:
 * an app in UMD mode (window.mount/unmount) gets its mount() called again, any
 * other has its cached scripts run again. An app whose entry is an ES module
 * (Vite) gets the `iframe` attribute: micro-app's default with-sandbox cannot
 * run module scripts, its iframe sandbox can (as micro-app documents for Vite).
 */
import microApp from '/vendor/micro-app.js';
import { Mounts, mountElement, unmountElement } from './common.js';

const mounts = new Mounts();

/** Runs once when the host page loads. */
export async function setup() {
  microApp.start();
}

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url, modules }) {
  return mountElement(mounts, {
    shell: 'micro-app',
    tag: 'micro-app',
    name,
    attributes: modules ? { name, url, iframe: '' } : { name, url },
    errorType: 'error',
    errorOf: (event) => event.detail?.error ?? event,
  });
}

/** Tears down the mount called `name` (default: the last one). */
export function unmount(name) {
  return unmountElement(mounts, name, 'unmount', 2000);
}
