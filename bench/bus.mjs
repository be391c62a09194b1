/**
 * Benchmark of the bus and <micro-store> in headless Chromium:
 *   1. publish → subscriber latency (median, p95) and throughput, 1 kB and
 *      100 kB messages: inside one app (no copy), app → app, app → 10 apps,
 *      and structuredClone per delivery for reference;
 *   2. store set → notify latency with 10 subscribing apps;
 *   3. cross-tab latency of <micro-store sync> (two pages in one context).
 * Prints a markdown table and writes it to bench/results/bus.md.
 *
 *   node bench/bus.mjs            # about a minute
 *   node bench/bus.mjs --quick    # fewer samples, for a smoke run
 *
 * Portico is bundled from src/ with esbuild (no `npm run build` needed). The
 * publishers and subscribers are real sub-apps (demo/fixtures/bench-bus/,
 * served cross-origin) in their sandboxes, driven over the bus itself. The
 * host page is cross-origin isolated (COOP + COEP credentialless), which
 * makes performance.now() tick in 5 µs steps instead of 100 µs.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startAppsServer } from '../demo/apps/server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const QUICK = process.argv.includes('--quick');
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];
const SUBSCRIBERS = Array.from({ length: 10 }, (_, i) => `sub-${i}`);
/** Per latency figure: batches of consecutive messages, each lasting about BATCH_MS. */
const BATCHES = QUICK ? 60 : 400;
const BATCH_MS = 0.3;
/** Throughput: the median of WINDOWS windows of WINDOW_MS (robust to a busy machine). */
const WINDOWS = QUICK ? 3 : 9;
const WINDOW_MS = 200;
const CROSS_TAB = QUICK ? 100 : 1000;

const log = (line) => process.stderr.write(`[bus bench] ${line}\n`);

/** Portico as one ES module, straight from src/. */
async function bundle() {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    conditions: ['production'],
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** The host origin: the bench page (cross-origin isolated) and the bundle. */
async function startHost(code) {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>bus bench</title></head><body>
    <micro-store name="bench"></micro-store><micro-store name="xtab" sync></micro-store>
    <script type="module">import * as portico from '/portico.js'; window.portico = portico;</script></body></html>`;
  const server = http.createServer((req, res) => {
    const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless', 'Cache-Control': 'no-store' };
    if (req.url === '/portico.js') res.writeHead(200, { ...isolated, 'Content-Type': 'text/javascript' }).end(code);
    else res.writeHead(200, { ...isolated, 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const us = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) + ' µs';
const ms = (value) => value.toFixed(2) + ' ms';
const rate = (perSecond) => Math.round(perSecond).toLocaleString('en-US') + '/s';

/** Opens the bench page and mounts the publisher and ten subscriber apps. */
async function openBenchPage(context, host, apps) {
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(`${host}/bus.html`);
  await page.waitForFunction(() => window.portico && window.crossOriginIsolated !== undefined);
  const names = ['pub', ...SUBSCRIBERS];
  const statuses = await page.evaluate(
    async ({ names, src }) => {
      const els = names.map((name) => Object.assign(document.createElement('micro-app'), { name, src }));
      const settled = els.map((el) => new Promise((resolve) => ['micro-app-mounted', 'micro-app-error'].forEach((t) => el.addEventListener(t, resolve))));
      document.body.append(...els);
      await Promise.all(settled);
      return { statuses: els.map((el) => el.status), isolated: crossOriginIsolated };
    },
    { names, src: `${apps}/fixtures/bench-bus/` },
  );
  if (!statuses.isolated || statuses.statuses.some((s) => s !== 'mounted')) throw new Error(`bench page not ready: ${JSON.stringify(statuses)}`);
  await page.evaluate(installMeasureSends);
  return page;
}

/**
 * Runs in the bench page: defines `window.measureSends(send, options)`, the
 * timing loop the host-side figures share. It sizes a batch to `batchMs`
 * from a 2 ms probe, times `batches` batches (µs per message), then counts
 * messages per second over `windows` windows of `windowMs`.
 */
function installMeasureSends() {
  window.measureSends = (send, { batches, batchMs, windows, windowMs }) => {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2) (send(4), (n += 4));
    const perBatch = Math.max(1, Math.round(batchMs / ((performance.now() - t0) / n)));
    const samples = [];
    for (let b = 0; b < batches; b++) {
      const start = performance.now();
      send(perBatch);
      samples.push(((performance.now() - start) * 1000) / perBatch);
    }
    const rates = [];
    for (let w = 0; w < windows; w++) {
      let sent = 0;
      const begin = performance.now();
      while (performance.now() - begin < windowMs) (send(4), (sent += 4));
      rates.push((sent / (performance.now() - begin)) * 1000);
    }
    return { samples, perBatch, rates };
  };
}

/** One publish figure: the publisher app sends on `topic`; `receivers` must each get every message, in order. */
async function publishFigure(page, topic, kb, receivers) {
  const result = await page.evaluate(
    async ({ topic, kb, receivers, batches, batchMs, windows, windowMs }) => {
      const bus = window.portico.busFor(document);
      for (const name of receivers) await bus.request(`bench.stats.${name}`, true);
      const run = await bus.request('bench.publish', { topic, kb, warmup: 2000, batches, batchMs, windows, windowMs }, { timeout: 300_000 });
      const stats = [];
      for (const name of receivers) stats.push(await bus.request(`bench.stats.${name}`, true));
      return { run, stats };
    },
    { topic, kb, receivers, batches: BATCHES, batchMs: BATCH_MS, windows: WINDOWS, windowMs: WINDOW_MS },
  );
  const { run, stats } = result;
  const complete = stats.every((s) => s.count === run.total && s.ordered);
  return { samples: run.samples, perBatch: run.perBatch, throughput: quantile(run.rates, 0.5), bytes: run.bytes, complete, delivered: stats.map((s) => s.count) };
}

/** Reference: a loop that structuredClones the payload for each delivery (what a naive bus does). */
async function cloneFigure(page, kb) {
  return page.evaluate(
    ({ kb, batches, batchMs, windows, windowMs }) => {
      const rows = [];
      for (let i = 0; rows.length === 0 || JSON.stringify(rows).length < kb * 1024 - 120; i++) {
        rows.push({ id: i, sku: 'SKU-' + (10000 + i), name: 'Item number ' + i, qty: (i % 7) + 1, price: 9.99 + i, tags: ['a', 'b'] });
      }
      const payload = { seq: 0, type: 'cart.updated', user: { id: 42, name: 'Ada' }, rows };
      let sink = 0;
      const listener = (value) => (sink += value.seq);
      const send = (n) => {
        for (let i = 0; i < n; i++) listener(structuredClone(payload));
      };
      const { samples, perBatch, rates } = window.measureSends(send, { batches, batchMs, windows, windowMs });
      return { samples, perBatch, rates, complete: sink >= 0 };
    },
    { kb, batches: BATCHES, batchMs: BATCH_MS, windows: WINDOWS, windowMs: WINDOW_MS },
  ).then((result) => ({ ...result, throughput: quantile(result.rates, 0.5) }));
}

/** Store: the host sets `tick` (a number, or a 1 kB object); ten apps subscribe to it. Timed from set() until the last app's listener has run. */
async function storeFigure(page, kb) {
  const result = await page.evaluate(
    async ({ kb, receivers, batches, batchMs, windows, windowMs }) => {
      const bus = window.portico.busFor(document);
      const store = document.querySelector('micro-store[name=bench]');
      for (const name of receivers) await bus.request(`bench.stats.${name}`, true);
      const rows = [];
      for (let i = 0; kb && JSON.stringify(rows).length < kb * 1024 - 120; i++) rows.push({ id: i, sku: 'SKU-' + (10000 + i), name: 'Item ' + i, qty: 1, price: 9.99 });
      let seq = 0;
      const send = (n) => {
        for (let i = 0; i < n; i++) store.set('tick', kb ? { seq: seq++, rows } : seq++);
      };
      send(500);
      const { samples, perBatch, rates } = window.measureSends(send, { batches, batchMs, windows, windowMs });
      const stats = [];
      for (const name of receivers) stats.push(await bus.request(`bench.stats.${name}`, true));
      return { samples, perBatch, rates, total: seq, stats };
    },
    { kb, receivers: SUBSCRIBERS, batches: BATCHES, batchMs: BATCH_MS, windows: WINDOWS, windowMs: WINDOW_MS },
  );
  const complete = result.stats.every((s) => s.ticks === result.total && s.ticksOrdered);
  return { ...result, complete, throughput: quantile(result.rates, 0.5) };
}

/** Cross-tab: page A sets `ping` on <micro-store name="xtab" sync>; page B hears it and sets `pong`. One at a time. */
async function crossTabFigure(context, host) {
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const page of [a, b]) {
    await page.goto(`${host}/bus.html`);
    await page.waitForFunction(() => window.portico);
  }
  await b.evaluate(() => {
    const store = document.querySelector('micro-store[name=xtab]');
    window.oneWay = [];
    store.subscribe('ping', (ping, change) => {
      if (!ping || !change.remote) return;
      window.oneWay.push((performance.timeOrigin + performance.now() - ping.at) * 1000);
      store.set('pong', ping.i);
    });
  });
  const roundTrips = await a.evaluate(async (count) => {
    const store = document.querySelector('micro-store[name=xtab]');
    const trips = [];
    for (let i = 0; i < count; i++) {
      const answered = new Promise((resolve) => {
        const off = store.subscribe('pong', (pong) => pong === i && (off(), resolve()));
      });
      const start = performance.now();
      store.set('ping', { i, at: performance.timeOrigin + performance.now() });
      await answered;
      trips.push((performance.now() - start) * 1000);
    }
    return trips;
  }, CROSS_TAB);
  const oneWay = await b.evaluate(() => window.oneWay);
  await a.close();
  await b.close();
  return { oneWay: oneWay.slice(10), roundTrips: roundTrips.slice(10) };
}

async function main() {
  const started = new Date();
  log('bundling src/index.ts with esbuild');
  const code = await bundle();
  const apps = await startAppsServer({ port: 0 });
  const host = await startHost(code);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
  const rows = [];
  try {
    const context = await browser.newContext();
    const page = await openBenchPage(context, host.url, apps.url);
    const figures = [
      ['inside one app (publisher subscribed to itself: no copy)', 'bench.self', ['pub']],
      ['app → another app (one deep-frozen copy)', 'bench.one', ['sub-0']],
      ['app → 10 apps (one copy, shared by all 10)', 'bench.all', SUBSCRIBERS],
    ];
    for (const [label, topic, receivers] of figures) {
      for (const kb of [1, 100]) {
        log(`${label}, ${kb} kB`);
        rows.push({ what: `publish ${label}`, kb, ...(await publishFigure(page, topic, kb, receivers)) });
      }
    }
    for (const kb of [1, 100]) {
      log(`reference: structuredClone per delivery, ${kb} kB`);
      rows.push({ what: 'reference: `structuredClone` per delivery, one subscriber (not what the bus does)', kb, ...(await cloneFigure(page, kb)) });
    }
    for (const kb of [0, 1]) {
      log(`store set → 10 apps, ${kb ? '1 kB object' : 'number'}`);
      rows.push({ what: `store \`set\` → notify 10 subscribing apps (until the last has run), ${kb ? '1 kB object' : 'a number'}`, kb: kb || '–', ...(await storeFigure(page, kb)) });
    }
    log('cross-tab');
    const tabs = await crossTabFigure(context, host.url);
    const report = renderReport({ rows, tabs, started, version: browser.version() });
    process.stdout.write(report);
    await fs.mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
    await fs.writeFile(path.join(ROOT, 'bench', 'results', 'bus.md'), report);
    log('written to bench/results/bus.md');
  } finally {
    await browser.close();
    await host.close();
    await apps.close();
  }
}

function renderReport({ rows, tabs, started, version }) {
  const cpus = os.cpus();
  const lines = [
    '# Bus and store benchmark',
    '',
    `- Command: \`node bench/bus.mjs${QUICK ? ' --quick' : ''}\``,
    `- Date: ${started.toISOString()}`,
    `- Machine: ${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${os.type()} ${os.release()}; Chromium ${version} (headless), Node ${process.version}`,
    `- Latency: delivery is synchronous, so a message's latency is the time from \`publish()\` (or \`set()\`) until its subscribers have run. Timed over batches of consecutive messages lasting about ${BATCH_MS} ms each (the page is cross-origin isolated: performance.now() has 5 µs steps), divided by the batch size; median and p95 over ${BATCHES} batches. Throughput: messages (or sets) per second sent back to back, the median of ${WINDOWS} windows of ${WINDOW_MS} ms.`,
    '- "All delivered in order": every subscriber app counted every message, each in sequence.',
    '',
    '| what | message | latency median | latency p95 | throughput | all delivered in order |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const size = row.kb === '–' ? '–' : `${row.kb} kB`;
    lines.push(`| ${row.what} | ${size} | ${us(quantile(row.samples, 0.5))} | ${us(quantile(row.samples, 0.95))} | ${rate(row.throughput)} | ${row.complete ? 'yes' : 'NO'} |`);
  }
  lines.push(
    '',
    `Cross-tab (\`<micro-store sync>\`, two pages in one browser context, ${tabs.oneWay.length} messages one at a time; one-way timed with \`performance.timeOrigin + performance.now()\` in both pages):`,
    '',
    '| what | median | p95 |',
    '| --- | --- | --- |',
    `| set in tab A → subscriber in tab B (one way) | ${ms(quantile(tabs.oneWay, 0.5) / 1000)} | ${ms(quantile(tabs.oneWay, 0.95) / 1000)} |`,
    `| round trip (A sets ping, B sets pong, A hears it) | ${ms(quantile(tabs.roundTrips, 0.5) / 1000)} | ${ms(quantile(tabs.roundTrips, 0.95) / 1000)} |`,
    '',
  );
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
