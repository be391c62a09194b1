/**
 * The React demo app as a lifecycle app (bench/'s demo/fixtures/bench-lifecycle/):
 * the same App, built a second time by ../webpack.lifecycle.cjs as a UMD library
 * `bench-lifecycle` exporting bootstrap/mount/unmount. mount() creates a root and
 * renders; unmount() unmounts it, so a remount really renders again. Exposed in
 * each shell's convention (qiankun and Portico: the UMD global; micro-app:
 * window.mount/unmount; wujie: __WUJIE_MOUNT/__WUJIE_UNMOUNT); standalone (no
 * shell flag: native, iframe) it renders at once. Every mount reports its first
 * render to bench/ (BENCH {"firstRender": timeOrigin + now}).
 */
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

/** As JSON through the binding bench/ installs in every frame when there is one, else the console. */
function report(data) {
  const candidates = [window];
  try {
    candidates.push(window.parent, window.top);
  } catch {}
  for (const candidate of candidates) {
    try {
      if (candidate && typeof candidate.__benchReport === 'function') return void candidate.__benchReport(JSON.stringify(data));
    } catch {}
  }
  console.log('BENCH ' + JSON.stringify(data));
}

/** Reports when `container` first shows the app's button reading "Clicked 0 times" (re-armed per mount). */
function probe(container) {
  const rendered = () => container.querySelector('#inc')?.textContent === 'Clicked 0 times';
  const observer = new MutationObserver(() => {
    if (!rendered()) return;
    observer.disconnect();
    report({ firstRender: performance.timeOrigin + performance.now() });
  });
  observer.observe(container, { childList: true, subtree: true, characterData: true });
  return observer;
}

let root = null;
let observer = null;

export async function bootstrap() {}

export async function mount(props) {
  const container = props?.container?.querySelector?.('#root') ?? document.getElementById('root');
  if (root) await unmount();
  observer = probe(container);
  root = createRoot(container);
  root.render(h(App));
}

export async function unmount() {
  observer?.disconnect();
  observer = null;
  root?.unmount();
  root = null;
}

if (window.__POWERED_BY_QIANKUN__) {
  // qiankun, and Portico (which sets the flag too): the UMD global `bench-lifecycle`,
  // assigned by webpack's wrapper after this module ran.
} else if (window.__MICRO_APP_ENVIRONMENT__) {
  window.mount = mount;
  window.unmount = unmount;
} else if (window.__POWERED_BY_WUJIE__) {
  window.__WUJIE_MOUNT = mount;
  window.__WUJIE_UNMOUNT = unmount;
} else {
  mount();
}
