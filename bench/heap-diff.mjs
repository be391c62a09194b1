/**
 * Heap growth of repeated mount/unmount cycles in Portico, with what grows.
 *
 *   npm run build && npm run build:fixtures && node bench/heap-diff.mjs [--app /fixtures/bench-react/] [--warmup 10] [--cycles 100] [--at-render]
 *
 * `--at-render` removes the element as soon as the app reports its first
 * render (what the memory figure of bench/run.mjs does), which can be before
 * `micro-app-mounted`: the app is torn down while Portico still waits for its
 * stylesheets.
 *
 * Mounts an app from the apps server with `cdn/portico.js`, waits for its
 * first render, unmounts; after the warm-up cycles and again after the
 * measured ones it forces GC (CDP, three times) and takes a heap snapshot,
 * then prints the growth per cycle and the node types (by V8/Blink class)
 * that grew most. Unlike bench/run.mjs's memory figure it logs nothing from
 * the app during the cycles, so console history kept by the DevTools
 * protocol is not counted.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startAppsServer } from '../demo/apps/server.mjs';
import { devtoolsBytes, takeHeapSnapshot } from './lib/heap-snapshot.mjs';

const { values } = parseArgs({ options: { app: { type: 'string', default: '/fixtures/bench-react/' }, warmup: { type: 'string', default: '10' }, cycles: { type: 'string', default: '100' }, 'at-render': { type: 'boolean', default: false } } });
const apps = await startAppsServer({ port: 4391 });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  // Any page of another origin than the apps: the apps server's index will do.
  await page.goto('http://localhost:4391/');
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(async ({ src, atRender }) => {
    document.body.innerHTML = '';
    // The bench apps' first-render probe reports here (demo/fixtures/bench-report.js).
    let rendered = () => {};
    window.__benchReport = () => rendered();
    await import('http://127.0.0.1:4391/cdn/portico.js');
    window.cycle = async (n) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement('micro-app');
        el.setAttribute('name', 'heap');
        el.setAttribute('src', src);
        const mounted = atRender
          ? new Promise((resolve) => (rendered = resolve))
          : new Promise((resolve) => el.addEventListener('micro-app-mounted', resolve, { once: true }));
        document.body.append(el);
        await mounted;
        const gone = new Promise((resolve) => el.addEventListener('micro-app-unmounted', resolve, { once: true }));
        el.remove();
        await gone;
      }
    };
  }, { src: `http://127.0.0.1:4391${values.app}`, atRender: values['at-render'] });
  const gc = async () => {
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(50);
    }
  };
  const snapshot = async () => {
    await gc();
    const snap = await takeHeapSnapshot(cdp);
    const fields = snap.snapshot.meta.node_fields;
    const types = snap.snapshot.meta.node_types[0];
    const [t, nm, sz] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
    const byKind = new Map();
    let total = 0;
    for (let i = 0; i < snap.nodes.length; i += fields.length) {
      const type = types[snap.nodes[i + t]];
      const key = type === 'string' || type === 'concatenated string' ? type : `${type}: ${snap.strings[snap.nodes[i + nm]].slice(0, 60)}`;
      const size = snap.nodes[i + sz];
      total += size;
      const entry = byKind.get(key) ?? { count: 0, size: 0 };
      entry.count++;
      entry.size += size;
      byKind.set(key, entry);
    }
    return { total, byKind, devtools: devtoolsBytes(snap) };
  };
  await page.evaluate((n) => window.cycle(n), Number(values.warmup));
  const before = await snapshot();
  await page.evaluate((n) => window.cycle(n), Number(values.cycles));
  const after = await snapshot();
  const cycles = Number(values.cycles);
  console.log(`${values.app}: ${cycles} cycles after ${values.warmup} warm-up cycles`);
  console.log(`heap (snapshot self sizes): ${(before.total / 1e6).toFixed(2)} MB -> ${(after.total / 1e6).toFixed(2)} MB, ${((after.total - before.total) / cycles / 1e3).toFixed(1)} kB per cycle`);
  console.log(`of which the DevTools network agent's records (there because the harness attached DevTools; the memory figure leaves them out): ${((after.devtools - before.devtools) / cycles / 1e3).toFixed(1)} kB per cycle`);
  const grown = [...after.byKind]
    .map(([key, { count, size }]) => [key, count - (before.byKind.get(key)?.count ?? 0), size - (before.byKind.get(key)?.size ?? 0)])
    .sort((a, b) => b[2] - a[2])
    .slice(0, 12);
  console.log('| grew most | count | bytes |\n| --- | --- | --- |');
  for (const [key, count, size] of grown) console.log(`| ${key} | ${count} | ${size} |`);
} finally {
  await browser.close();
  await apps.close();
}
