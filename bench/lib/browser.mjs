/**
 * Headless Chromium through playwright-core, and the per-page plumbing the
 * figures need: a fresh context per page, the channel apps report on, and heap
 * readings.
 *
 * Reporting channel: apps and host pages call `__benchReport(json)`, a CDP
 * binding (`Runtime.addBinding` on the page's own CDP session, so it exists in
 * the host page and in every same-process frame, iframes included, each call a
 * `Runtime.bindingCalled` event), and fall back to
 * `console.log('BENCH ' + json)` where it is missing (every frame's console
 * reaches page.on('console')). The binding is the default because it retains
 * nothing in the page. The console does: with the DevTools protocol attached, V8
 * keeps every console message and its arguments (up to 1,000 messages), about
 * 65 bytes per report here, which the memory figure would count as growth.
 * (playwright's own `exposeBinding` is worse: about 280 bytes retained per call,
 * as it answers each call with a new evaluated script.) `channel: 'console'`
 * leaves the binding out, to compare.
 */
import { chromium } from 'playwright-core';
import { sleep, withTimeout } from './timeout.mjs';
import { devtoolsBytes, liveBytes, takeHeapSnapshot } from './heap-snapshot.mjs';

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--js-flags=--expose-gc',
];

/**
 * Launches Chromium (`CHROME_PATH` or /usr/bin/chromium).
 * @returns {Promise<{ browser: import('playwright-core').Browser, version: string }>}
 */
export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
  return { browser, version: browser.version() };
}

/**
 * @typedef {object} BenchPage
 * @property {import('playwright-core').Page} page
 * @property {(key: string, ms: number) => Promise<Record<string, any>>} next Resolves with the next
 *   unread message that has `key`; rejects on an `{ error }` message or after `ms`.
 * @property {(key: string) => number} drain Discards the unread messages that have `key`; returns how many.
 * @property {{ binding: number, console: number }} received Messages received so far, per channel.
 * @property {() => Promise<{ bytes: number, devtools: number, nodes: number }>} heap Forces GC, then
 *   takes a heap snapshot over CDP: `bytes`, the live heap (V8 and Blink) without `devtools`, what the
 *   attached DevTools agents keep (see heap-snapshot.mjs `devtoolsBytes`); `nodes`, the DOM nodes
 *   alive in the renderer (CDP `Memory.getDOMCounters`).
 * @property {() => Promise<number>} listeners How many event listeners the host page's `window` and
 *   `document` hold (CDP DOMDebugger.getEventListeners), whoever added them.
 * @property {() => Promise<void>} close Closes the page and its context; never throws.
 */

/**
 * Opens `url` in a fresh browser context.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {number} timeout Navigation timeout in ms.
 * @param {'binding' | 'console'} [channel='binding'] How apps report (see above).
 * @returns {Promise<BenchPage>}
 */
export async function openPage(browser, url, timeout, channel = 'binding') {
  const context = await browser.newContext();
  const inbox = [];
  const waiters = new Set();
  const problems = [];
  const received = { binding: 0, console: 0 };
  const flush = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const receive = (data, via) => {
    if (!data || typeof data !== 'object') return;
    received[via]++;
    inbox.push(data);
    flush();
  };
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (channel === 'binding') {
    cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
      if (name !== '__benchReport') return;
      try {
        receive(JSON.parse(payload), 'binding');
      } catch {}
    });
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: '__benchReport' });
  }
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('BENCH ')) {
      try {
        receive(JSON.parse(text.slice(6)), 'console');
      } catch {}
    } else if (message.type() === 'error') problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('crash', () => problems.push('page crashed'));
  const close = () => context.close().catch(() => {});
  try {
    await page.goto(url, { timeout, waitUntil: 'load' });
  } catch (error) {
    await close();
    throw error;
  }

  const next = (key, ms) => {
    let waiter;
    const found = new Promise((resolve, reject) => {
      waiter = () => {
        const index = inbox.findIndex((data) => key in data || 'error' in data);
        if (index < 0) return;
        const [data] = inbox.splice(index, 1);
        waiters.delete(waiter);
        if (key in data) resolve(data);
        else {
          // The page error behind a shell's failure can arrive just after the failure report.
          setTimeout(() => {
            const last = problems.findLast((problem) => !data.error.includes(problem));
            reject(new Error(data.error + (last ? `; page error: ${last}` : '')));
          }, 200);
        }
      };
      waiters.add(waiter);
      waiter();
    });
    const last = () => (problems.length ? `; last page error: ${problems.at(-1)}` : '');
    return withTimeout(found, ms, `waiting for ${key}`).catch((error) => {
      waiters.delete(waiter);
      throw new Error(error.message + (error.message.startsWith('timed out') ? last() : ''));
    });
  };

  // The live heap: the sum of the self sizes in a heap snapshot, taken after forced GCs. A
  // snapshot counts only what is reachable (V8 and Blink objects alike), where
  // `Runtime.getHeapUsage` also counts garbage a full GC has not yet swept and code not yet flushed.
  const heap = async () => {
    for (let i = 0; i < 2; i++) {
      await page.evaluate(() => globalThis.gc?.());
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(100);
    }
    const snap = await takeHeapSnapshot(cdp);
    const devtools = devtoolsBytes(snap);
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    return { bytes: liveBytes(snap) - devtools, devtools, nodes };
  };

  const listeners = async () => {
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      total += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    }
    return total;
  };

  const drain = (key) => {
    const before = inbox.length;
    for (let i = inbox.length - 1; i >= 0; i--) if (key in inbox[i]) inbox.splice(i, 1);
    return before - inbox.length;
  };

  return { page, next, drain, received, heap, listeners, close };
}
