/** iframe: a plain cross-origin `<iframe src>`; the mount starts when it is inserted; removed to unmount. */
import { Mounts, now, stage } from './common.js';

const mounts = new Mounts();

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url }) {
  const iframe = document.createElement('iframe');
  iframe.src = url;
  iframe.style.cssText = 'width: 800px; height: 600px; border: 0';
  mounts.add(name, iframe);
  const t0 = now();
  stage().append(iframe);
  return t0;
}

/** Tears down the mount called `name` (default: the last one). */
export async function unmount(name) {
  mounts.take(name)?.remove();
}
