/**
 * Where a mount spends its CPU time: a sampling CPU profile (Chromium's
 * Profiler, 100 µs) of repeated warm mounts of one app under a bare
 * `<micro-app name src>`, from Portico's sources served by Vite (so function
 * names and files are Portico's own), and the functions with the most self
 * time. Native work (style recalculation, layout, parsing) is counted in the
 * JavaScript function that forced it. A tool for finding costs, not a figure:
 * `npm run bench` holds the figures.
 *
 *   node bench/profile-mount.mjs [--app bench-styled] [--mounts 20] [--top 25]
 *
 * Needs the fixtures built (`npm run build:fixtures`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startAppsServer } from '../demo/apps/server.mjs';
import { launchBrowser } from './lib/browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { app: { type: 'string', default: 'bench-styled' }, mounts: { type: 'string', default: '20' }, top: { type: 'string', default: '25' } } });
const mounts = Number(values.mounts);

const apps = await startAppsServer({ port: 0 });
const portal = await createServer({ root: ROOT, configFile: false, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
await portal.listen();
const portalUrl = portal.resolvedUrls.local[0].replace(/\/$/, '');
fs.mkdirSync(path.join(ROOT, 'bench/.cache'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, 'bench/.cache/profile-mount.html'),
  `<!doctype html><html><body><script type="module">
import '/src/index.ts';
// One mount, from insertion to micro-app-mounted; removed at once (full teardown, the default).
window.mountOnce = () => new Promise((resolve, reject) => {
  const el = document.createElement('micro-app');
  el.setAttribute('name', 'profiled');
  el.setAttribute('src', ${JSON.stringify(`${apps.url}/fixtures/${values.app}/`)});
  const t0 = performance.now();
  el.addEventListener('micro-app-mounted', () => { const ms = performance.now() - t0; el.remove(); resolve(ms); }, { once: true });
  el.addEventListener('micro-app-error', (e) => reject(new Error(e.error.message)), { once: true });
  document.body.append(el);
});
window.profileReady = true;
</script></body></html>`,
);

const { browser } = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${portalUrl}/bench/.cache/profile-mount.html`);
  await page.waitForFunction(() => window.profileReady, null, { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const cold = await page.evaluate(() => window.mountOnce());
  await cdp.send('Profiler.start');
  const warm = await page.evaluate(async (n) => {
    const times = [];
    for (let i = 0; i < n; i++) {
      times.push(await window.mountOnce());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return times;
  }, mounts);
  const { profile } = await cdp.send('Profiler.stop');
  const sorted = [...warm].sort((a, b) => a - b);
  console.log(`${values.app}: cold mount ${cold.toFixed(1)} ms; warm mounts (median of ${mounts}) ${sorted[Math.floor(mounts / 2)].toFixed(1)} ms (insertion to micro-app-mounted)`);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url ? `${url.replace(portalUrl, '').replace(apps.url, '[apps]')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const busy = [...self].filter(([k]) => !/^\((idle|program)\)/.test(k)).reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`self time over ${mounts} warm mounts, ms per mount (busy JS + what it forced: ${(busy / mounts).toFixed(1)} ms a mount; "(program)" is the browser's own work outside JS):`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${(ms / mounts).toFixed(2).padStart(7)}  ${key}`);
} finally {
  await browser.close();
  await portal.close();
  await apps.close();
}
