/**
 * Headless Chromium through playwright-core, and the per-page plumbing the
 * figures need: a fresh context per page, the "BENCH {json}" console channel
 * (every frame's console reaches page.on('console')), and heap readings.
 */
import { chromium } from 'playwright-core';
import { sleep, withTimeout } from './timeout.mjs';

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
 *   unread BENCH message that has `key`; rejects on a BENCH `{ error }` message or after `ms`.
 * @property {() => Promise<number>} heap Forces GC, then reads the JS heap's used size (bytes) over CDP.
 * @property {() => Promise<number>} listeners How many event listeners the host page's `window` and
 *   `document` hold (CDP DOMDebugger.getEventListeners), whoever added them.
 * @property {() => Promise<void>} close Closes the page and its context; never throws.
 */

/**
 * Opens `url` in a fresh browser context.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {number} timeout Navigation timeout in ms.
 * @returns {Promise<BenchPage>}
 */
export async function openPage(browser, url, timeout) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const inbox = [];
  const waiters = new Set();
  const problems = [];
  const flush = () => {
    for (const waiter of [...waiters]) waiter();
  };
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('BENCH ')) {
      try {
        inbox.push(JSON.parse(text.slice(6)));
        flush();
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
        else reject(new Error(data.error));
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

  let cdp;
  const heap = async () => {
    cdp ??= await context.newCDPSession(page);
    for (let i = 0; i < 2; i++) {
      await page.evaluate(() => globalThis.gc?.());
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(100);
    }
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };

  const listeners = async () => {
    cdp ??= await context.newCDPSession(page);
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      total += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    }
    return total;
  };

  return { page, next, heap, listeners, close };
}
