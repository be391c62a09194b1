/**
 * The demo, checked as a visitor sees it: starts `scripts/demo.mjs` (ports
 * 4300 and 4301, after `npm run build:fixtures` and `npm run build:hosts`),
 * opens each portal page in headless Chromium and waits until every app the
 * page routes to is mounted, with no console error, except /demo/broken,
 * whose app must show its error. The web-test-runner suite serves Portico
 * its own way; this proves the README's first command too. Run by `npm test`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORTAL = 'http://127.0.0.1:4300';
/** Each page, and the apps (by name) it must show mounted; `broken` must show an error instead. */
const PAGES = {
  '/demo/todos': ['todos'],
  '/demo/orders': ['orders'],
  '/demo/inventory': ['inventory'],
  '/demo/shop/42': ['shop'],
  '/demo/tickets': ['tickets'],
  '/demo/helpdesk': ['helpdesk'],
  '/demo/settings': ['settings', 'popups'],
  '/demo/all': ['todos', 'orders', 'inventory'],
  '/demo/broken': [],
};

const server = spawn(process.execPath, [path.join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const failures = [];
try {
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo did not start within 60 s')), 60_000);
    server.stdout.on('data', (chunk) => String(chunk).includes('portal:') && (clearTimeout(timer), resolve()));
    server.on('exit', (code) => reject(new Error(`the demo exited with ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    for (const [page, names] of Object.entries(PAGES)) {
      const tab = await browser.newPage();
      const errors = [];
      tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${PORTAL}${page}`);
      const state = () =>
        tab.evaluate(() =>
          [...document.querySelectorAll('micro-app')].filter((el) => el.active).map((el) => ({ name: el.name, status: el.status })),
        );
      const wanted = (apps) => (names.length ? names.every((name) => apps.some((a) => a.name === name && a.status === 'mounted')) : apps.some((a) => a.status === 'error'));
      let apps = await state();
      for (const start = Date.now(); !wanted(apps) && Date.now() - start < 20_000; apps = await state()) await tab.waitForTimeout(200);
      const seen = apps.map((a) => `${a.name} ${a.status}`).join(', ');
      if (!wanted(apps)) failures.push(`${page}: wanted ${names.length ? `${names.join(', ')} mounted` : 'an error shown'}, saw ${seen || 'no active app'}`);
      // /demo/broken's app answers 503 on purpose: its error goes to the console.
      else if (names.length && errors.length) failures.push(`${page}: console errors: ${errors.join(' | ')}`);
      else console.log(`demo ${page}: ${seen}`);
      await tab.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  server.kill('SIGTERM');
}
if (failures.length) {
  for (const failure of failures) console.error(`demo check failed: ${failure}`);
  process.exit(1);
}
