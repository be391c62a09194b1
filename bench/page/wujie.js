/**
 * wujie: `startApp({ name, url, el })`; the mount starts when startApp is
 * called. An app with lifecycles (`__WUJIE_MOUNT`/`__WUJIE_UNMOUNT`, wujie's
 * "singleton mode") is unmounted by removing its element, which makes wujie call
 * `__WUJIE_UNMOUNT` and keep the app's iframe; startApp with the same name then
 * calls `__WUJIE_MOUNT` again without reloading. An app without them is torn down
 * with `destroyApp(name)` (wujie would reload it on the next startApp anyway).
 */
import { destroyApp, startApp } from '/vendor/wujie.js';
import { Mounts, now, reportError, stage } from './common.js';

const mounts = new Mounts();

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url, lifecycles }) {
  const el = document.createElement('div');
  stage().append(el);
  mounts.add(name, { name, el, lifecycles });
  const t0 = now();
  startApp({ name, url, el }).catch((error) => reportError('wujie', error));
  return t0;
}

/** Tears down the mount called `name` (default: the last one). */
export async function unmount(name) {
  const mounted = mounts.take(name);
  if (!mounted) return;
  if (!mounted.lifecycles) destroyApp(mounted.name);
  mounted.el.remove();
}
