/** iframe: a plain cross-origin `<iframe src>`; the mount starts when it is inserted. */
import { now, stage } from './common.js';

let current = null;

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ url }) {
  const iframe = document.createElement('iframe');
  iframe.src = url;
  iframe.style.cssText = 'width: 800px; height: 600px; border: 0';
  current = iframe;
  const t0 = now();
  stage().append(iframe);
  return t0;
}

/** Tears down the last mount. */
export async function unmount() {
  current?.remove();
  current = null;
}
