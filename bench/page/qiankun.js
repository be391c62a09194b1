/**
 * qiankun: `loadMicroApp({ name, entry, container })`, `app.unmount()`; the
 * mount starts when loadMicroApp is called. qiankun caches an app's lifecycles
 * under its name plus its container's XPath (computed when loadMicroApp is
 * called), so a remount into the same attached container calls the cached
 * `mount` instead of loading the app again. For an app with lifecycles the
 * adapter uses that path, as qiankun's users do: one container per app name,
 * attached before the first call and kept (empty) after unmount. An app without
 * lifecycles exports no-op ones for qiankun's sake (the cached path would mount
 * nothing), so its container is attached right after the call: no XPath, no
 * lifecycle cache, every mount loads and runs the app again (with
 * import-html-entry's HTML and script caches warm), and it is removed on unmount.
 */
import { loadMicroApp } from '/vendor/qiankun.js';
import { Mounts, now, reportError, stage } from './common.js';

const mounts = new Mounts();
/** Containers kept per app name, inside one wrapper so their XPaths never change. */
const kept = new Map();

function keptContainer(name) {
  let container = kept.get(name);
  if (container) return container;
  let wrapper = document.getElementById('qiankun-kept');
  if (!wrapper) {
    wrapper = document.createElement('div');
    wrapper.id = 'qiankun-kept';
    stage().prepend(wrapper);
  }
  container = document.createElement('div');
  wrapper.append(container);
  kept.set(name, container);
  return container;
}

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url, lifecycles }) {
  const container = lifecycles ? keptContainer(name) : document.createElement('div');
  const t0 = now();
  const app = loadMicroApp({ name, entry: url, container });
  if (!lifecycles) stage().append(container);
  app.mountPromise.catch((error) => reportError('qiankun', error));
  mounts.add(name, { app, container, keep: lifecycles });
  return t0;
}

/** Tears down the mount called `name` (default: the last one). */
export async function unmount(name) {
  const mounted = mounts.take(name);
  if (!mounted) return;
  try {
    await mounted.app.mountPromise;
    await mounted.app.unmount();
  } finally {
    if (!mounted.keep) mounted.container.remove();
  }
}
