/**
 * The shells under test and a driver for one shell's host page. The
 * browser-side half of each shell lives in bench/page/<shell>.js.
 */
import { openPage } from './browser.mjs';
import { withTimeout } from './timeout.mjs';

/**
 * The shells, in report order. `note` explains how the shell mounts and
 * unmounts the bench apps.
 * @type {{ id: string, label: string, note: string }[]}
 */
export const SHELLS = [
  {
    id: 'native',
    label: 'native',
    note: 'the same work with no isolation: the clock starts before the entry HTML is fetched; its stylesheets and markup are copied into the host page and its scripts injected there as `<script>` elements (classic ones in order, then deferred and module ones; a module URL already imported gets a cache-busting query so it runs again); "unmount" removes the DOM only, and every mount runs every script again. Apps with lifecycles see no shell flag here, so they render at once',
  },
  { id: 'iframe', label: 'iframe', note: 'a plain cross-origin `<iframe src>`, removed to unmount; every mount loads the app afresh (apps with lifecycles render at once, as standalone)' },
  { id: 'portico', label: 'portico', note: '`<micro-app name src>` from cdn/portico.js, removed to unmount; a remount is a new element with the same name and src, and whatever Portico does with it (lifecycles, caches) is what is measured' },
  {
    id: 'qiankun',
    label: 'qiankun',
    note: '`loadMicroApp({ name, entry, container })`, `app.unmount()`; default sandbox (speedy proxy). Apps with lifecycles: one container per app name, attached before the first call and kept, so a remount hits qiankun\'s lifecycle cache (keyed on name + container XPath) and only calls `mount` again. Apps without lifecycles (no-op ones exported for qiankun alone): container attached after the call, so every mount loads and runs the app again (HTML and script caches warm)',
  },
  { id: 'micro-app', label: 'micro-app', note: '`microApp.start()`, `<micro-app name url>` (default with-sandbox), removed to unmount; a later element with the same name reuses the app: UMD mode (`window.mount`/`unmount`) calls `mount` again, other apps have their cached scripts run again. An app whose entry is an ES module (Vite) gets the `iframe` attribute, the sandbox micro-app documents for Vite (its default with-sandbox cannot run module scripts)' },
  {
    id: 'wujie',
    label: 'wujie',
    note: '`startApp({ name, url, el })`. Apps with lifecycles (`__WUJIE_MOUNT`/`__WUJIE_UNMOUNT`, "singleton mode"): unmounted by removing the element (wujie calls `__WUJIE_UNMOUNT` and keeps the app\'s iframe), so startApp with the same name calls `__WUJIE_MOUNT` again. Apps without: `destroyApp(name)`, and every startApp loads the app again',
  },
];

/**
 * An app as the adapters take it: `lifecycles` says whether it exports bootstrap/mount/unmount,
 * `modules` whether its entry is an ES module.
 * @typedef {{ name: string, url: string, lifecycles?: boolean, modules?: boolean }} App
 */

/**
 * @typedef {object} ShellPage
 * @property {(app: App) => Promise<number>} mount Starts a mount; resolves with its start time (ms,
 *   `performance.timeOrigin + performance.now()` in the host page).
 * @property {(name?: string) => Promise<void>} unmount Unmounts the mount called `name` (default: the last).
 * @property {(apps: App[]) => Promise<number[]>} mountMany Starts several mounts one after the other in
 *   the page (no round trip in between); resolves with their start times.
 * @property {(fromName: string, to: App) => Promise<number>} switchTo In the page: unmounts `fromName`,
 *   then mounts `to`; resolves with the time taken before the unmount.
 * @property {(key: string, ms: number) => Promise<Record<string, any>>} next See BenchPage.next.
 * @property {(key: string) => number} drain See BenchPage.drain.
 * @property {{ binding: number, console: number }} received See BenchPage.received.
 * @property {() => Promise<number>} heap See BenchPage.heap.
 * @property {() => Promise<number>} listeners See BenchPage.listeners.
 * @property {() => Promise<void>} close
 */

/**
 * Opens a fresh host page for one shell and waits for its adapter's setup.
 * @param {import('playwright-core').Browser} browser
 * @param {string} hostUrl The host server's origin.
 * @param {string} shell A SHELLS id.
 * @param {number} [timeout=15000] For loading the page and each mount/unmount call.
 * @param {'binding' | 'console'} [channel] See openPage.
 * @returns {Promise<ShellPage>}
 */
export async function openShell(browser, hostUrl, shell, timeout = 15000, channel = 'binding') {
  const bench = await openPage(browser, `${hostUrl}/shell/${shell}.html`, timeout, channel);
  const { page } = bench;
  try {
    await page.waitForFunction(() => window.benchReady || window.benchError, null, { timeout });
    const error = await page.evaluate(() => window.benchError);
    if (error) throw new Error(error);
  } catch (error) {
    await bench.close();
    throw error;
  }
  return {
    mount: (app) => withTimeout(page.evaluate((app) => window.benchShell.mount(app), app), timeout, `${shell} mount`),
    unmount: (name) => withTimeout(page.evaluate((name) => window.benchShell.unmount(name ?? undefined), name ?? null), timeout, `${shell} unmount`),
    mountMany: (apps) => withTimeout(page.evaluate((apps) => window.benchMountMany(apps), apps), timeout, `${shell} mount`),
    switchTo: (fromName, to) => withTimeout(page.evaluate(([from, to]) => window.benchSwitch(from, to), [fromName, to]), timeout, `${shell} switch`),
    next: bench.next,
    drain: bench.drain,
    received: bench.received,
    heap: bench.heap,
    listeners: bench.listeners,
    close: bench.close,
  };
}
