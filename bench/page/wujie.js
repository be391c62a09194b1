/** wujie: `startApp({ name, url, el })`, `destroyApp(name)`; the mount starts when startApp is called. */
import { destroyApp, startApp } from '/vendor/wujie.js';
import { now, reportError, stage } from './common.js';

let current = null;

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url }) {
  const el = document.createElement('div');
  stage().append(el);
  current = { name, el };
  const t0 = now();
  startApp({ name, url, el }).catch((error) => reportError('wujie', error));
  return t0;
}

/** Tears down the last mount. */
export async function unmount() {
  const mounted = current;
  current = null;
  if (!mounted) return;
  destroyApp(mounted.name);
  mounted.el.remove();
}
