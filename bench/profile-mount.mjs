/**
 * Where a mount spends its CPU time: a sampling CPU profile (Chromium's
 * Profiler, 100 µs) of repeated warm mounts of one app under a bare
 * `<micro-app name src>`, from Portico's sources served by Vite (so function
 * names and files are Portico's own), and the functions with the most self
 * time. Native work (style recalculation, layout, parsing) is counted in the
 * JavaScript function that forced it. With `--cold`, each mount is the first
 * of a fresh page instead (the profile covers the mount only, not the page's
 * load). With `--second`, each mount is the second of a fresh page, right
 * after a first one was removed: what the start-up figure's warm row
 * measures, with the code run once and not yet optimized. Also prints the
 * medians of the element's `mountTiming`. A tool for
 * finding costs, not a figure: `npm run bench` holds the figures.
 *
 * With `--cdn`, the page loads the built `cdn/portico.js` instead (run
 * `npm run build` first), and its functions are named by source file and
 * line through the source maps of the entry and its lazy chunks.
 *
 *   node bench/profile-mount.mjs [--app bench-styled] [--mounts 20] [--top 25] [--cold | --second] [--cdn]
 *
 * Needs the fixtures built (`npm run build:fixtures`).
 */
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startAppsServer } from '../demo/apps/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { mountPageHtml } from './lib/mount-page.mjs';
import { median } from './lib/stats.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { app: { type: 'string', default: 'bench-styled' }, mounts: { type: 'string', default: '20' }, top: { type: 'string', default: '25' }, cold: { type: 'boolean', default: false }, second: { type: 'boolean', default: false }, cdn: { type: 'boolean', default: false } } });
/** The source maps of the CDN build's files (the entry and its lazy chunks), by file name. */
const sourceMaps = new Map(
  values.cdn
    ? fs.readdirSync(path.join(ROOT, 'cdn')).filter((f) => f.endsWith('.js.map')).map((f) => [f.slice(0, -4), new SourceMap(JSON.parse(fs.readFileSync(path.join(ROOT, 'cdn', f), 'utf8')))])
    : [],
);
const mounts = Number(values.mounts);

const apps = await startAppsServer({ port: 0 });
const portal = await createServer({ root: ROOT, configFile: false, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
await portal.listen();
const portalUrl = portal.resolvedUrls.local[0].replace(/\/$/, '');
fs.mkdirSync(path.join(ROOT, 'bench/.cache'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, 'bench/.cache/profile-mount.html'),
  mountPageHtml(values.cdn ? '/cdn/portico.js' : '/src/index.ts', `${apps.url}/fixtures/${values.app}/`, 'profiled'),
);

const { browser } = await launchBrowser();
try {
  const openPage = async () => {
    const page = await browser.newPage();
    await page.goto(`${portalUrl}/bench/.cache/profile-mount.html`);
    await page.waitForFunction(() => window.mountReady, null, { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    return { page, cdp };
  };
  /** Mounts `n` times on `page` under the profiler; returns the profile and the mounts. */
  const profiled = async ({ page, cdp }, n) => {
    await cdp.send('Profiler.start');
    const results = await page.evaluate(async (n) => {
      const out = [];
      for (let i = 0; i < n; i++) {
        out.push(await window.mountOnce());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return out;
    }, n);
    const { profile } = await cdp.send('Profiler.stop');
    return { profile, results };
  };
  const profiles = [];
  const runs = [];
  let cold;
  if (values.cold || values.second) {
    for (let i = 0; i < mounts; i++) {
      const opened = await openPage();
      if (values.second) {
        await opened.page.evaluate(() => window.mountOnce());
        await opened.page.waitForTimeout(50);
      }
      const { profile, results } = await profiled(opened, 1);
      profiles.push(profile);
      runs.push(...results);
      await opened.page.close();
    }
  } else {
    const opened = await openPage();
    cold = (await opened.page.evaluate(() => window.mountOnce())).ms;
    const { profile, results } = await profiled(opened, mounts);
    profiles.push(profile);
    runs.push(...results);
  }
  const warm = runs.map((r) => r.ms);
  const kind = values.cold ? 'cold' : values.second ? 'second' : 'warm';
  console.log(`${values.app}: ${cold === undefined ? '' : `cold mount ${cold.toFixed(1)} ms; `}${kind} mounts (median of ${mounts}) ${median(warm).toFixed(1)} ms (insertion to micro-app-mounted)`);
  const steps = Object.keys(runs[0].timing).filter((k) => typeof runs[0].timing[k] === 'number');
  console.log(`mountTiming medians: ${steps.map((k) => `${k} ${median(runs.map((r) => r.timing[k])).toFixed(1)}`).join(', ')}`);
  const self = new Map();
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
      const original = url.includes('/cdn/') ? sourceMaps.get(url.slice(url.lastIndexOf('/') + 1))?.findEntry(lineNumber, columnNumber) : undefined;
      const where = original?.originalSource
        ? `${original.originalSource.replace(/^.*?\/(src|node_modules)\//, '$1/')}:${original.originalLine + 1}`
        : url ? `${url.replace(portalUrl, '').replace(apps.url, '[apps]')}:${lineNumber + 1}` : '';
      const key = `${functionName || '(anonymous)'} ${where}`.trim();
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  const busy = [...self].filter(([k]) => !/^\((idle|program)\)/.test(k)).reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`self time over ${mounts} ${kind} mounts, ms per mount (busy JS + what it forced: ${(busy / mounts).toFixed(1)} ms a mount; "(program)" is the browser's own work outside JS):`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${(ms / mounts).toFixed(2).padStart(7)}  ${key}`);
} finally {
  await browser.close();
  await portal.close();
  await apps.close();
}
