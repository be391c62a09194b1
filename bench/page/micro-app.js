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
import { Mounts, now, once, reportError, stage } from './common.js';

const mounts = new Mounts();

/** Runs once when the host page loads. */
export async function setup() {
  microApp.start();
}

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url, modules }) {
  const el = document.createElement('micro-app');
  el.setAttribute('name', name);
  el.setAttribute('url', url);
  if (modules) el.setAttribute('iframe', '');
  el.addEventListener('error', (event) => reportError('micro-app', event.detail?.error ?? event));
  mounts.add(name, el);
  const t0 = now();
  stage().append(el);
  return t0;
}

/** Tears down the mount called `name` (default: the last one). */
export async function unmount(name) {
  const el = mounts.take(name);
  if (!el) return;
  const done = once(el, 'unmount', 2000);
  el.remove();
  await done;
}
