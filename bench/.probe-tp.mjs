// Reuses bench/bus.mjs internals by copy: mount apps, run app→app 1 kB, print sample stats and rates.
import { build } from 'esbuild';
import http from 'node:http';
import { chromium } from 'playwright-core';
import { startAppsServer } from '/work/main/demo/apps/server.mjs';
const code = (await build({ entryPoints: ['/work/main/src/index.ts'], bundle: true, format: 'esm', minify: true, conditions: ['production'], write: false, logLevel: 'error' })).outputFiles[0].text;
const apps = await startAppsServer({ port: 0 });
const server = http.createServer((req, res) => { const h = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' }; if (req.url === '/p.js') res.writeHead(200, { ...h, 'Content-Type': 'text/javascript' }).end(code); else res.writeHead(200, { ...h, 'Content-Type': 'text/html' }).end('<!doctype html><script type="module">import * as p from "/p.js"; window.portico = p;</script>'); }).listen(0);
await new Promise((r) => server.once('listening', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => window.portico);
console.log(await page.evaluate(async (src) => {
  for (const name of ['pub', 'sub-0']) { const el = Object.assign(document.createElement('micro-app'), { name, src }); const p = new Promise((r) => el.addEventListener('micro-app-mounted', r)); document.body.append(el); await p; }
  const bus = window.portico.busFor(document);
  const out = [];
  for (const windowMs of [200, 5]) {
    const run = await bus.request('bench.publish', { topic: 'bench.one', kb: 1, warmup: 2000, batches: 300, batchMs: 0.3, windows: windowMs === 5 ? 200 : 5, windowMs }, { timeout: 120000 });
    const s = [...run.samples].sort((a, b) => a - b); const mean = s.reduce((a, b) => a + b, 0) / s.length;
    const r = [...run.rates].sort((a, b) => a - b);
    out.push({ windowMs, perBatch: run.perBatch, median: s[s.length >> 1], mean, max: s.at(-1), rateMedian: r[r.length >> 1], rateMax: r.at(-1), rateMin: r[0] });
  }
  return out;
}, `${apps.url}/fixtures/bench-bus/`));
await browser.close(); server.close(); await apps.close();
