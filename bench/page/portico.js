/**
 * portico: `<micro-app name src>` from cdn/portico.js; the mount starts when the
 * element is inserted; removing it unmounts. A later element with the same name
 * and src is whatever Portico makes of it (its caches, its lifecycle handling).
 * Each mount also reports `{ mountTiming }` once mounted (see MountTiming).
 */
import { Mounts, mountElement, report, unmountElement } from './common.js';

const mounts = new Mounts();

/** Runs once when the host page loads. */
export async function setup() {
  await import('/cdn/portico.js');
  await customElements.whenDefined('micro-app');
}

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url }) {
  const start = mountElement(mounts, {
    shell: 'portico',
    tag: 'micro-app',
    name,
    attributes: { name, src: url },
    errorType: 'micro-app-error',
    errorOf: (event) => event.error ?? event.detail?.error ?? event,
  });
  // Where the mount went, step by step (the element's mountTiming), for the start-up figure's breakdown.
  const el = mounts.map.get(name);
  el.addEventListener('micro-app-mounted', () => report({ mountTiming: el.mountTiming ?? null }), { once: true });
  return start;
}

/** Tears down the mount called `name` (default: the last one). */
export function unmount(name) {
  return unmountElement(mounts, name, 'micro-app-unmounted', 5000);
}
