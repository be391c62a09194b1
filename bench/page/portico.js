/**
 * portico: `<micro-app name src>` from cdn/portico.js; the mount starts when the
 * element is inserted; removing it unmounts. A later element with the same name
 * and src is whatever Portico makes of it (its caches, its lifecycle handling).
 */
import { Mounts, now, once, reportError, stage } from './common.js';

const mounts = new Mounts();

/** Runs once when the host page loads. */
export async function setup() {
  await import('/cdn/portico.js');
  await customElements.whenDefined('micro-app');
}

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url }) {
  const el = document.createElement('micro-app');
  el.setAttribute('name', name);
  el.setAttribute('src', url);
  el.addEventListener('micro-app-error', (event) => reportError('portico', event.error ?? event.detail?.error ?? event));
  mounts.add(name, el);
  const t0 = now();
  stage().append(el);
  return t0;
}

/** Tears down the mount called `name` (default: the last one). */
export async function unmount(name) {
  const el = mounts.take(name);
  if (!el) return;
  const done = once(el, 'micro-app-unmounted', 5000);
  el.remove();
  await done;
}
