/**
 * Two builds of the CDN file side by side: cold mounts of one app under a
 * bare `<micro-app name src>`, each in a fresh page, the two builds
 * alternated (ABBA order, so drift on a noisy machine hits both alike), and
 * the medians of insertion-to-`micro-app-mounted` and of each `mountTiming`
 * step. A tool for deciding whether a change is worth keeping, not a figure:
 * `npm run bench` holds the figures.
 *
 *   node bench/ab-mount.mjs --a <cdn dir> --b <cdn dir> [--app bench-vite] [--runs 10]
 *
 * Each directory holds a build's `portico.js` and its lazy chunks (copy
 * `cdn/` aside after `npm run build`, change the code, build again). Needs
 * the fixtures built (`npm run build:fixtures`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startAppsServer } from '../demo/apps/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { mountPageHtml } from './lib/mount-page.mjs';
import { median } from './lib/stats.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { a: { type: 'string' }, b: { type: 'string' }, app: { type: 'string', default: 'bench-vite' }, runs: { type: 'string', default: '10' } } });
if (!values.a || !values.b) throw new Error('usage: node bench/ab-mount.mjs --a <cdn dir> --b <cdn dir> [--app bench-vite] [--runs 10]');

const CACHE = path.join(ROOT, 'bench/.cache');
const apps = await startAppsServer({ port: 0 });
const portal = await createServer({ root: ROOT, configFile: false, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
await portal.listen();
const portalUrl = portal.resolvedUrls.local[0].replace(/\/$/, '');
const src = `${apps.url}/fixtures/${values.app}/`;
for (const build of ['a', 'b']) {
  // The builds are copied under the portal's root, each page importing its own copy.
  fs.rmSync(path.join(CACHE, `ab-${build}`), { recursive: true, force: true });
  fs.cpSync(path.resolve(values[build]), path.join(CACHE, `ab-${build}`), { recursive: true });
  fs.writeFileSync(
    path.join(CACHE, `ab-${build}.html`),
    mountPageHtml(`/bench/.cache/ab-${build}/portico.js`, src, 'ab'),
  );
}

const { browser } = await launchBrowser();
try {
  const results = { a: [], b: [] };
  for (let i = 0; i < Number(values.runs); i++) {
    for (const build of i % 2 ? ['b', 'a'] : ['a', 'b']) {
      const page = await browser.newPage();
      await page.goto(`${portalUrl}/bench/.cache/ab-${build}.html`);
      await page.waitForFunction(() => window.mountReady, null, { timeout: 60_000 });
      results[build].push(await page.evaluate(() => window.mountOnce()));
      await page.close();
    }
  }
  console.log(`${values.app}, cold mounts, medians of ${values.runs} each (a: ${values.a}, b: ${values.b})`);
  for (const build of ['a', 'b']) {
    const runs = results[build];
    const steps = Object.keys(runs[0].timing).filter((k) => typeof runs[0].timing[k] === 'number');
    console.log(`${build}: ${median(runs.map((r) => r.ms)).toFixed(1)} ms; ${steps.map((k) => `${k} ${median(runs.map((r) => r.timing[k])).toFixed(1)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  await portal.close();
  await apps.close();
}
