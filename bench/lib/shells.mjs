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
  { id: 'native', label: 'native', note: 'the app\'s scripts injected into the host page in order (markup and stylesheets copied in first); no isolation; "unmount" removes the DOM only' },
  { id: 'iframe', label: 'iframe', note: 'a plain cross-origin `<iframe src>`, removed to unmount' },
  { id: 'portico', label: 'portico', note: '`<micro-app name src>` from cdn/portico.js, removed to unmount' },
  { id: 'qiankun', label: 'qiankun', note: '`loadMicroApp({ name, entry, container })`, `app.unmount()`; default sandbox (speedy proxy); container attached after the call, so every mount re-runs the app' },
  { id: 'micro-app', label: 'micro-app', note: '`microApp.start()`, `<micro-app name url>` (default with-sandbox), removed to unmount' },
  { id: 'wujie', label: 'wujie', note: '`startApp({ name, url, el })`, `destroyApp(name)`' },
];

/**
 * @typedef {object} ShellPage
 * @property {(app: { name: string, url: string }) => Promise<number>} mount Starts a mount; resolves
 *   with its start time (ms, `performance.timeOrigin + performance.now()` in the host page).
 * @property {() => Promise<void>} unmount Unmounts the last mount.
 * @property {(key: string, ms: number) => Promise<Record<string, any>>} next See BenchPage.next.
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
 * @returns {Promise<ShellPage>}
 */
export async function openShell(browser, hostUrl, shell, timeout = 15000) {
  const bench = await openPage(browser, `${hostUrl}/shell/${shell}.html`, timeout);
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
    unmount: () => withTimeout(page.evaluate(() => window.benchShell.unmount()), timeout, `${shell} unmount`),
    next: bench.next,
    heap: bench.heap,
    listeners: bench.listeners,
    close: bench.close,
  };
}
