/**
 * native: the app's scripts run directly in the host page, no isolation (the
 * physical limit). The entry HTML is fetched and its markup and stylesheets
 * copied into the page first; the measured mount starts when the first script
 * is injected. Scripts are injected in document order, each external one
 * awaited. `unmount` removes the DOM: native has no way to stop the app's
 * code, so whatever it left on `window` stays.
 */
import { now, stage } from './common.js';

let current = null;

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ url }) {
  const html = await (await fetch(url)).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const container = document.createElement('div');
  for (const link of doc.querySelectorAll('link[rel=stylesheet]')) {
    const copy = document.createElement('link');
    copy.rel = 'stylesheet';
    copy.href = new URL(link.getAttribute('href'), url).href;
    container.append(copy);
  }
  const scripts = [...doc.querySelectorAll('script')];
  for (const script of scripts) script.remove();
  container.append(...[...doc.body.childNodes].map((node) => document.importNode(node, true)));
  stage().append(container);
  current = container;
  const t0 = now();
  run(scripts, url, container);
  return t0;
}

/** Injects the scripts in order without blocking `mount`'s return. */
async function run(scripts, base, container) {
  for (const original of scripts) {
    const script = document.createElement('script');
    const src = original.getAttribute('src');
    if (src) {
      script.src = new URL(src, base).href;
      const loaded = new Promise((resolve) => (script.onload = script.onerror = resolve));
      container.append(script);
      await loaded;
    } else {
      script.textContent = original.textContent;
      container.append(script);
    }
  }
}

/** Tears down the last mount. */
export async function unmount() {
  current?.remove();
  current = null;
}
