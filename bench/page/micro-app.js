/**
 * micro-app: `microApp.start()` once, then `<micro-app name url>` (its default
 * with-sandbox); the mount starts when the element is inserted. Removing the
 * element unmounts; a later element with the same name and url reuses the app.
 */
import microApp from '/vendor/micro-app.js';
import { now, once, reportError, stage } from './common.js';

let current = null;

/** Runs once when the host page loads. */
export async function setup() {
  microApp.start();
}

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url }) {
  const el = document.createElement('micro-app');
  el.setAttribute('name', name);
  el.setAttribute('url', url);
  el.addEventListener('error', (event) => reportError('micro-app', event.detail?.error ?? event));
  current = el;
  const t0 = now();
  stage().append(el);
  return t0;
}

/** Tears down the last mount. */
export async function unmount() {
  const el = current;
  current = null;
  if (!el) return;
  const done = once(el, 'unmount', 2000);
  el.remove();
  await done;
}
