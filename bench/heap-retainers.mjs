/**
 * What a page keeps across mount/unmount cycles, with why: a finer tool than
 * heap-diff.mjs for the memory figure's last kilobytes.
 *
 *   npm run build && npm run build:fixtures && node bench/heap-retainers.mjs [--app /fixtures/bench-react/] [--at 30,130,230] [--top 20]
 *
 * Mounts the app under a bare `<micro-app name src>` from `cdn/portico.js`,
 * removes it at its first render (as the memory figure does), and at each
 * checkpoint (cycles done so far) forces GC and takes a heap snapshot. It
 * prints the size of the backing table of each module-level `WeakMap` and
 * `Map` of the CDN file at every checkpoint, named by its source file and
 * line (through the source map): a table that keeps growing is a structure
 * that grows per cycle, one that stops is sized for a mount's peak. At each
 * checkpoint it prints the live heap as the memory figure counts it (the
 * DevTools agents' records left out) and its growth per cycle since the last
 * one: with late checkpoints (`--at 200,400,800,1600`) this shows whether
 * growth is warm-up that stops or a leak that does not. Then,
 * for the last two checkpoints, the objects new in the last (by snapshot
 * id), largest first, each with a retainer path.
 */
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startAppsServer } from '../demo/apps/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { devtoolsBytes, liveBytes, takeHeapSnapshot } from './lib/heap-snapshot.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { app: { type: 'string', default: '/fixtures/bench-react/' }, at: { type: 'string', default: '30,130,230' }, top: { type: 'string', default: '20' } } });
const checkpoints = values.at.split(',').map(Number);

/** Module-level `name = new WeakMap`/`new Map` of the CDN file: minified name → `file:line`. */
function collections() {
  const code = fs.readFileSync(path.join(ROOT, 'cdn/portico.js'), 'utf8');
  const map = new SourceMap(JSON.parse(fs.readFileSync(path.join(ROOT, 'cdn/portico.js.map'), 'utf8')));
  const found = new Map();
  code.split('\n').forEach((line, l) => {
    for (const m of line.matchAll(/([\w$]+)=(?:\/\* @__PURE__ \*\/ )?new (?:Weak)?Map\b/g)) {
      const e = map.findEntry(l, m.index);
      if (e.originalSource) found.set(m[1], `${e.originalSource.replace(/^.*?\/(src|node_modules)\//, '$1/')}:${e.originalLine + 1}`);
    }
  });
  return found;
}

/** A parsed snapshot with each node's retainers (weak edges left out). */
function index(snap) {
  const f = snap.snapshot.meta.node_fields;
  const ef = snap.snapshot.meta.edge_fields;
  const [types, etypes] = [snap.snapshot.meta.node_types[0], snap.snapshot.meta.edge_types[0]];
  const N = f.length;
  const E = ef.length;
  const n = snap.nodes.length / N;
  const first = new Uint32Array(n + 1);
  for (let i = 0, e = 0; i < n; i++) first[i + 1] = e += snap.nodes[i * N + f.indexOf('edge_count')] * E;
  const retainers = Array.from({ length: n }, () => []);
  const children = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = first[i]; j < first[i + 1]; j += E) {
      const to = snap.edges[j + ef.indexOf('to_node')] / N;
      const type = etypes[snap.edges[j + ef.indexOf('type')]];
      const raw = snap.edges[j + ef.indexOf('name_or_index')];
      const name = type === 'element' || type === 'hidden' ? `[${raw}]` : snap.strings[raw];
      children[i].push([to, name]);
      if (type !== 'weak') retainers[to].push([i, name]);
    }
  }
  const node = (i) => ({ type: types[snap.nodes[i * N + f.indexOf('type')]], name: snap.strings[snap.nodes[i * N + f.indexOf('name')]], size: snap.nodes[i * N + f.indexOf('self_size')], id: snap.nodes[i * N + f.indexOf('id')] });
  return { n, node, retainers, children };
}

function retainerPath(s, i) {
  const seen = new Set([i]);
  const out = [];
  for (let cur = i, k = 0; k < 7; k++) {
    const r = s.retainers[cur].find(([p]) => !seen.has(p));
    if (!r) break;
    seen.add(r[0]);
    const p = s.node(r[0]);
    out.push(`${r[1]} ← ${p.type}:${p.name.slice(0, 40)}`);
    cur = r[0];
  }
  return out.join(' | ');
}

const names = collections();
const apps = await startAppsServer({ port: 0 });
const { browser } = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${apps.url}/`);
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(async ({ cdn, src }) => {
    document.body.innerHTML = '';
    let rendered = () => {};
    // The bench apps' first-render probe reports here (demo/fixtures/bench-report.js).
    window.__benchReport = () => rendered();
    await import(cdn);
    window.cycle = async (n) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement('micro-app');
        el.setAttribute('name', 'heap');
        el.setAttribute('src', src);
        const first = new Promise((resolve) => (rendered = resolve));
        document.body.append(el);
        await first;
        const gone = new Promise((resolve) => el.addEventListener('micro-app-unmounted', resolve, { once: true }));
        el.remove();
        await gone;
      }
    };
  }, { cdn: `${apps.url}/cdn/portico.js`, src: `${apps.url}${values.app}` });
  let done = 0;
  let previous;
  /** Per collection (`file:line Map`), its table's size at each checkpoint. */
  const sizes = new Map();
  for (const [k, target] of checkpoints.entries()) {
    await page.evaluate((n) => window.cycle(n), target - done);
    done = target;
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const snap = await takeHeapSnapshot(cdp);
    // The live heap as the memory figure counts it: without the DevTools network agent's records.
    const bytes = liveBytes(snap) - devtoolsBytes(snap);
    const since = previous ? `, ${((bytes - previous.bytes) / (target - previous.target)).toFixed(0)} B a cycle since ${previous.target}` : '';
    console.log(`after ${target} cycles: live heap ${(bytes / 1e6).toFixed(3)} MB (DevTools records left out)${since}`);
    const s = index(snap);
    for (let i = 0; i < s.n; i++) {
      const x = s.node(i);
      if (x.type !== 'object' || (x.name !== 'WeakMap' && x.name !== 'Map')) continue;
      const owner = s.retainers[i].find(([, edge]) => names.has(edge));
      const table = s.children[i].find(([, edge]) => edge === 'table');
      if (!owner || !table) continue;
      const key = `${names.get(owner[1])} (${x.name})`;
      if (!sizes.has(key)) sizes.set(key, []);
      sizes.get(key)[k] = (sizes.get(key)[k] ?? 0) + s.node(table[0]).size;
    }
    if (k === checkpoints.length - 1 && previous) {
      const before = new Set();
      for (let i = 0; i < previous.s.n; i++) before.add(previous.s.node(i).id);
      const fresh = [];
      for (let i = 0; i < s.n; i++) if (!before.has(s.node(i).id)) fresh.push(i);
      const total = fresh.reduce((sum, i) => sum + s.node(i).size, 0);
      console.log(`Objects new between ${previous.target} and ${target} cycles: ${(total / 1e3).toFixed(1)} kB, ${(total / (target - previous.target)).toFixed(0)} B a cycle (what replaced an object, a table grown, counts as new); largest:`);
      for (const i of fresh.sort((a, b) => s.node(b).size - s.node(a).size).slice(0, Number(values.top))) {
        const x = s.node(i);
        console.log(`  ${x.size} B ${x.type}:${x.name.slice(0, 50)} :: ${retainerPath(s, i)}`);
      }
    }
    previous = { s, target, bytes };
  }
  console.log(`\n| module-level collection | ${checkpoints.map((c) => `table after ${c} cycles`).join(' | ')} |\n| --- |${checkpoints.map(() => ' --- |').join('')}`);
  for (const [key, row] of [...sizes].sort()) console.log(`| ${key} | ${checkpoints.map((_, k) => `${row[k] ?? 0} B`).join(' | ')} |`);
} finally {
  await browser.close();
  await apps.close();
}
