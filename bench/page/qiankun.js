/**
 * qiankun: `loadMicroApp({ name, entry, container })`; the mount starts when it
 * is called. The container is attached right after the call: qiankun then has
 * no container XPath to key its lifecycle cache on, so every mount loads and
 * runs the app again (with import-html-entry's HTML and script caches warm)
 * instead of re-calling the cached `mount`, which for the bench apps is a no-op.
 */
import { loadMicroApp } from '/vendor/qiankun.js';
import { now, reportError, stage } from './common.js';

let current = null;

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url }) {
  const container = document.createElement('div');
  const t0 = now();
  const app = loadMicroApp({ name, entry: url, container });
  stage().append(container);
  app.mountPromise.catch((error) => reportError('qiankun', error));
  current = { app, container };
  return t0;
}

/** Tears down the last mount. */
export async function unmount() {
  const mounted = current;
  current = null;
  if (!mounted) return;
  try {
    await mounted.app.mountPromise;
    await mounted.app.unmount();
  } finally {
    mounted.container.remove();
  }
}
