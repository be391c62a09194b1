/**
 * The React demo app as a lifecycle app (bench/'s demo/fixtures/bench-lifecycle/):
 * the same App, built a second time by ../webpack.lifecycle.cjs as a UMD library
 * `bench-lifecycle` exporting bootstrap/mount/unmount. mount() creates a root and
 * renders; unmount() unmounts it, so a remount really renders again. Exposed in
 * each shell's convention (qiankun and Portico: the UMD global; micro-app:
 * window.mount/unmount; wujie: __WUJIE_MOUNT/__WUJIE_UNMOUNT); standalone (no
 * shell flag: native, iframe) it renders at once. Every mount reports its first
 * render to bench/ through window.benchFirstRender (demo/fixtures/bench-report.js).
 */
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

let root = null;
// Stops the first-render probe of the current mount (window.benchFirstRender, from
// demo/fixtures/bench-report.js, which the bench page loads first).
let stopProbe = null;

export async function bootstrap() {}

export async function mount(props) {
  const container = props?.container?.querySelector?.('#root') ?? document.getElementById('root');
  if (root) await unmount();
  stopProbe = window.benchFirstRender(container, () => container.querySelector('#inc')?.textContent === 'Clicked 0 times');
  root = createRoot(container);
  root.render(h(App));
}

export async function unmount() {
  stopProbe?.();
  stopProbe = null;
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
