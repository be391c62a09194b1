/**
 * Switch benchmark: how long it takes to go from one already-loaded sub-app
 * to another, 100 times, in one headless Chromium run, for
 *   - Portico without keep-alive: `<micro-app route>` x2, the URL moves, one unmounts, the other mounts;
 *   - Portico with keep-alive: the same with `keep-alive`, the app is hidden and shown;
 *   - micro-app 1.0.0-rc (keep-alive): `<micro-app keep-alive>` x2, swapped in and out of the page;
 *   - wujie 1.0 (alive mode): `startApp({ alive: true })` into the container that is put on the page.
 * Both sub-apps are the React bench app (demo/fixtures/bench-react/, served
 * cross-origin by demo/apps/server.mjs) under two names. A switch starts when
 * the host acts (pushState, element swap, startApp) and ends at the first
 * frame after the target app is on screen with its content: the shell's
 * "shown" event (micro-app-shown, aftershow, startApp settling) or, for a
 * fresh mount, the app's own first-render probe; then
 * requestAnimationFrame + setTimeout (the table also gives the time to the
 * "shown" point plus a forced style and layout, before that frame). Each switch is checked: the target app
 * shows its button and the other app is gone or hidden. `SWITCH_ONLY=<mode id>`
 * runs one mode.
 *
 *   npm run build && npm run build:fixtures && node bench/switch.mjs [--switches 100]
 *
 * Prints a markdown table and writes it to bench/results/switch.md (gitignored).
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startAppsServer } from '../demo/apps/server.mjs';
import { bundlePeers, CACHE_DIR } from './lib/bundle.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SWITCHES = Number(process.argv[process.argv.indexOf('--switches') + 1]) || 100;
const WARM_UP = 4;
const ONLY = process.env.SWITCH_ONLY;
const MODES = [
  { id: 'portico', label: 'Portico', how: 'no keep-alive: unmount + mount on each route change' },
  { id: 'portico-keep-alive', label: 'Portico', how: '`keep-alive`: hidden and shown on route change' },
  { id: 'micro-app', label: 'micro-app 1.0.0-rc.30', how: '`keep-alive`: element removed and re-inserted' },
  { id: 'wujie', label: 'wujie 1.0.29', how: '`alive: true`: startApp again into its container' },
];

/** Runs in the host page: sets the shell up, then exposes `switchTo(name)` resolving with its duration in ms. */
async function hostPage(mode, apps, base) {
  const stage = document.getElementById('stage');
  const names = Object.keys(apps);
  const paint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const once = (target, type) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${mode}: no ${type} event within 10 s`)), 10_000);
      target.addEventListener(type, () => resolve(clearTimeout(timer)), { once: true });
    });
  const until = async (check, what) => {
    for (const started = performance.now(); !check(); await new Promise((r) => setTimeout(r, 1))) {
      if (performance.now() - started > 10_000) throw new Error(`${mode}: timed out waiting for ${what}`);
    }
  };
  // bench-react logs "BENCH {firstRender}" once per mount; apps in Portico and micro-app share the host's console.
  let renders = 0;
  const log = console.log;
  console.log = (...args) => {
    if (typeof args[0] === 'string' && args[0].startsWith('BENCH ') && args[0].includes('firstRender')) renders++;
    return log.apply(console, args);
  };
  const button = (root) => root?.querySelector('#inc')?.textContent?.startsWith('Clicked');

  let shell;
  if (mode.startsWith('portico')) {
    await import('/cdn/portico.js');
    const keepAlive = mode === 'portico-keep-alive';
    const els = {};
    for (const name of names) {
      const el = (els[name] = document.createElement('micro-app'));
      Object.assign(el, { name, src: apps[name], route: `${base}/${name}` });
      if (keepAlive) el.setAttribute('keep-alive', '');
      stage.append(el);
    }
    shell = {
      async show(name) {
        const el = els[name];
        const fresh = el.status !== 'mounted';
        const before = renders;
        const shown = fresh ? null : once(el, 'micro-app-shown');
        history.pushState(null, '', `${base}/${name}`);
        if (fresh) await until(() => renders > before, 'first render');
        else await shown;
      },
      state: () => names.map((n) => `${n}: ${els[n].status}, display ${getComputedStyle(els[n]).display}`).join('; '),
      check: (name) =>
        names.every((other) =>
          other === name
            ? // The app's content is on screen (its first render can come before Portico's mounted step ends).
              getComputedStyle(els[other]).display !== 'none' && (els[other].status === 'mounting' || els[other].status === 'mounted')
            : getComputedStyle(els[other]).display === 'none' || els[other].status !== 'mounted',
        ),
    };
  } else if (mode === 'micro-app') {
    const microApp = (await import('/vendor/micro-app.js')).default;
    microApp.start();
    const els = {};
    for (const name of names) {
      const el = (els[name] = document.createElement('micro-app'));
      el.setAttribute('name', name);
      el.setAttribute('url', apps[name]);
      el.setAttribute('keep-alive', '');
    }
    const seen = new Set();
    shell = {
      async show(name) {
        const el = els[name];
        const done = once(el, seen.has(name) ? 'aftershow' : 'mounted');
        history.pushState(null, '', `${base}/${name}`);
        stage.replaceChildren(el);
        await done;
        if (!seen.has(name)) await until(() => button(el), 'first render');
        seen.add(name);
      },
      check: (name) => button(els[name]) && names.every((other) => (other === name) === els[other].isConnected),
    };
  } else if (mode === 'wujie') {
    const { startApp } = await import('/vendor/wujie.js');
    const boxes = Object.fromEntries(names.map((name) => [name, document.createElement('div')]));
    const content = (name) => boxes[name].querySelector('wujie-app')?.shadowRoot;
    shell = {
      async show(name) {
        history.pushState(null, '', `${base}/${name}`);
        stage.replaceChildren(boxes[name]);
        await startApp({ name, url: apps[name], el: boxes[name], alive: true });
        await until(() => button(content(name)), 'first render');
      },
      check: (name) => button(content(name)) && names.every((other) => (other === name) === boxes[other].isConnected),
    };
  }

  window.switchTo = async (name) => {
    // A random phase against the display's frames, the same for every shell.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 17));
    const started = performance.now();
    await shell.show(name);
    // Style and layout of what became visible, done now rather than in the next frame.
    void document.documentElement.getBoundingClientRect();
    void stage.offsetHeight;
    const shown = performance.now() - started;
    await paint();
    const frame = performance.now() - started;
    if (!shell.check(name)) throw new Error(`${mode}: after switching to ${name}, the wrong app is on screen (${shell.state?.() ?? ''})`);
    return { shown, frame };
  };
  window.ready = true;
}

/** Host origin: /h/<mode>/... is the host page of one mode (any depth, for its routes), /page.js its script, /cdn and /vendor the shells, anything else blank (wujie's iframe). */
function startHostServer(apps) {
  const types = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://host');
    const [, first, mode] = url.pathname.split('/');
    const dirs = { cdn: path.join(ROOT, 'cdn'), vendor: CACHE_DIR };
    if (dirs[first]) {
      try {
        const file = path.join(dirs[first], path.normalize(url.pathname.slice(first.length + 2)));
        const body = await fs.readFile(file);
        res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    if (first === 'page.js') {
      // An external script, as real host pages have (webpack's automatic publicPath falls back to the page's last script src under micro-app).
      const script = `(${hostPage})(${JSON.stringify(url.searchParams.get('mode'))}, ${JSON.stringify(apps)}, ${JSON.stringify(`/h/${url.searchParams.get('mode')}`)});`;
      res.writeHead(200, { 'Content-Type': types['.js'], 'Cache-Control': 'no-store' }).end(script);
      return;
    }
    const body =
      first === 'h' && MODES.some((m) => m.id === mode)
        ? `<!doctype html><html><head><meta charset="utf-8"><title>switch: ${mode}</title></head><body><div id="stage"></div>` +
          `<script type="module" src="/page.js?mode=${mode}"></script></body></html>`
        : '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (value) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));

async function main() {
  await fs.access(path.join(ROOT, 'cdn', 'portico.js')).catch(() => {
    throw new Error('cdn/portico.js is missing: run `npm run build` first');
  });
  await fs.access(path.join(ROOT, 'demo', 'apps', 'react', 'dist', 'main.js')).catch(() => {
    throw new Error('the React bench app is not built: run `npm run build:fixtures` first');
  });
  await bundlePeers();
  const appsServer = await startAppsServer({ port: 0 });
  // Two URLs for the one app, so that no shell takes them for one app.
  const apps = { 'bench-a': `${appsServer.url}/fixtures/bench-react/`, 'bench-b': `${appsServer.url}/fixtures/bench-react/index.html` };
  const host = await startHostServer(apps);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const rows = [];
  try {
    for (const mode of MODES.filter((m) => !ONLY || m.id === ONLY)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(`${host.url}/h/${mode.id}/`);
        await page.waitForFunction(() => window.ready, null, { timeout: 30_000 });
        const frames = [];
        const shown = [];
        for (let i = 0; i < WARM_UP + SWITCHES; i++) {
          const sample = await page.evaluate((name) => window.switchTo(name), i % 2 ? 'bench-b' : 'bench-a');
          if (i < WARM_UP) continue;
          frames.push(sample.frame);
          shown.push(sample.shown);
        }
        rows.push({ mode, median: median(shown), p90: percentile(shown, 0.9), frame: median(frames), count: frames.length });
        process.stderr.write(`${mode.id}: median ${ms(median(shown))} ms over ${frames.length} switches\n`);
      } catch (error) {
        rows.push({ mode, error: `${error.message.split('\n')[0]}${errors.length ? ` (page: ${errors.at(-1)})` : ''}` });
        process.stderr.write(`${mode.id}: failed: ${rows.at(-1).error}\n`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    host.close();
    await appsServer.close();
  }

  const lines = [
    `# Switch time between two loaded apps`,
    '',
    `${SWITCHES} switches (after ${WARM_UP} warm-up switches) between two instances of the React bench app, ` +
      `timed from the host's action (pushState, element swap, startApp) until the target app is shown with its content ` +
      `(the shell's "shown" event, or for a fresh mount the app's own first-render probe) and laid out (a forced style and layout), ` +
      `and until the next frame after that. Chromium ${browser.version()} headless, ${new Date().toISOString()}; command: \`node bench/switch.mjs\`.`,
    '',
    '| shell | mode | median switch (shown + layout) | p90 | median to next frame | switches |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) =>
      r.error
        ? `| ${r.mode.label} | ${r.mode.how} | failed: ${r.error} | | | |`
        : `| ${r.mode.label} | ${r.mode.how} | **${ms(r.median)} ms** | ${ms(r.p90)} ms | ${ms(r.frame)} ms | ${r.count} |`,
    ),
    '',
    'The next-frame column adds the wait for a frame (each switch starts at a random phase; headless Chromium does not ' +
      'pace frames like a display), so it is noisy below one frame (~16.7 ms at 60 Hz).',
  ];
  const table = lines.join('\n');
  await fs.mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
  await fs.writeFile(path.join(ROOT, 'bench', 'results', 'switch.md'), table);
  process.stdout.write(table);
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

await main();
