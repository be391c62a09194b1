/**
 * Renders the results as Markdown (BENCHMARKS.md and the terminal): one table
 * per figure, medians with ratios to native, and for each figure a line with
 * the target the speed issue sets (stated, not judged).
 */
import { APPS } from './apps.mjs';
import { INSTANCE_APPS, NATIVE_NA } from './figures/instances.mjs';
import { LOOPS } from './figures/sandbox.mjs';
import { PHASES, STARTS, STARTUP_APPS } from './figures/startup.mjs';
import { SWITCH_PAIRS } from './figures/switch.mjs';
import { formatMs, formatRatio } from './stats.mjs';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const kB = (bytes) => (bytes / 1000).toFixed(1);
const MB = (bytes) => (bytes / 1e6).toFixed(2);

/** The targets of the speed issue, per figure: stated next to each table, not checked. */
export const TARGETS = {
  startup: 'first mount at most 1.1x native for the blank app, 1.3x for the styled app and 1.0x for the heavy build (React 19, webpack); a warm remount (full teardown in between) under 0.3x native.',
  instances: '10 instances cost at most 3x one (the 10 ÷ 1 row).',
  switch: 'a switch A→B→A with full teardown under 0.5x native.',
  sandbox: 'none given in the issue (it asks for the figure).',
  memory: 'heap growth under 0.5 kB per mount/unmount cycle, host listeners and DOM nodes flat.',
  size: "Portico's CDN file under 22 kB gzip (smaller than the smallest peer).",
};

/**
 * @typedef {object} Report
 * @property {object} meta `{ command, date, machine, load, chromium, versions, runs, memoryRuns, switchRuns, switches, instances, channel, cycles, shells, shellNotes, notes, seconds }`
 * @property {object} [startup] From startupFigure.
 * @property {object} [instances] From instancesFigure.
 * @property {object} [switch] From switchFigure.
 * @property {object} [sandbox] From sandboxFigure.
 * @property {object} [memory] From memoryFigure.
 * @property {object} [size] From sizeFigure.
 * @property {Record<string, number>} [durations] Figure → seconds it took.
 * @property {Record<string, string>} [failures] Figure → why it did not run at all.
 */

/**
 * Renders the whole report.
 * @param {Report} report
 * @returns {string} Markdown, ending with a newline.
 */
export function renderReport(report) {
  const { meta } = report;
  const parts = [header(meta)];
  parts.push(section('1. Start-up: cold and warm mount', report, 'startup', () => startupTable(report.startup, meta)));
  parts.push(section(`2. ${meta.instances ?? 10} instances on one page`, report, 'instances', () => instancesTable(report.instances, meta)));
  parts.push(section('3. Switch between two apps', report, 'switch', () => switchTable(report.switch, meta)));
  parts.push(section('4. Sandbox cost', report, 'sandbox', () => sandboxTable(report.sandbox, meta.shells)));
  parts.push(section('5. Memory across mount/unmount cycles', report, 'memory', () => memoryTable(report.memory, meta)));
  parts.push(section('6. Size', report, 'size', () => sizeTable(report.size)));
  parts.push(method(report));
  return parts.join('\n\n') + '\n';
}

function header(meta) {
  const m = meta.machine;
  return [
    '# Benchmarks',
    'Portico against the physical limit (native), a plain iframe, and its peers, in one headless Chromium run.',
    [
      `- Command: \`${meta.command}\` (\`npm run bench\` is \`npm run build && npm run build:fixtures && node bench/run.mjs\`), ${Math.round((meta.seconds ?? 0) / 6) / 10} minutes`,
      `- Date: ${meta.date}`,
      `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}; 1-minute load average ${meta.load[0]} at start, ${meta.load[1]} at end${Math.max(...meta.load) > m.cores ? ' (above the core count: other work competed for the CPU, so timings are noisy)' : ''}`,
      `- Browser: Chromium ${meta.chromium} (headless), driven by playwright-core ${meta.versions['playwright-core']}; Node ${m.node}`,
      `- Shells: portico ${meta.versions.portico}${meta.git ? ` (${meta.git})` : ''}, qiankun ${meta.versions.qiankun}, micro-app ${meta.versions['@micro-zoe/micro-app']}, wujie ${meta.versions.wujie}`,
      `- ${runsLine(meta)}`,
    ].join('\n'),
  ].join('\n\n');
}

function runsLine(meta) {
  const fewer = [];
  if ((meta.switchRuns ?? meta.runs) !== meta.runs) fewer.push(`switch: ${plural(meta.switchRuns, 'run')}, each timing ${meta.switches ?? 50} switches per pair`);
  if (meta.memoryRuns !== meta.runs) fewer.push(`memory: ${plural(meta.memoryRuns, 'run')}, since its heap readings barely move between runs and each run takes longest`);
  return (
    `Medians of ${plural(meta.runs, 'run')}${fewer.length ? ` (${fewer.join('; ')})` : ''}, ` +
    'a fresh page in a fresh browser context per shell per run (and per app); ratios are to native. A cell reads "failed: reason" when a shell could not do it; a failure in a shell\'s first run skips its later runs of that measurement.'
  );
}

function section(title, report, key, render) {
  const body = report.failures?.[key] ? `Not measured: ${report.failures[key]}` : report[key] ? render() : 'Not run (see `--figures`).';
  return `## ${title}\n\n${body}`;
}

function targetLine(key) {
  return `Target (speed issue): ${TARGETS[key]}`;
}

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** " (2/3 runs; reason)" when some runs of a cell failed. */
function partial(cell) {
  return cell.samples && cell.samples.length < cell.runs ? ` (${cell.samples.length}/${cell.runs} runs; ${cell.error})` : '';
}

/** "12.3 ms (4.1x)", "failed: …", with "(2/3 runs)" when some runs failed; `extra` goes inside the parentheses. */
function msCell(cell, base, isBase, extra = '') {
  if (!cell) return '–';
  if ('na' in cell) return cell.na;
  if (!('median' in cell)) return `failed: ${cell.error}`;
  const parts = [isBase ? '' : formatRatio(cell.median, base?.median), extra].filter(Boolean);
  return `${formatMs(cell.median)} ms${parts.length ? ` (${parts.join('; ')})` : ''}${partial(cell)}`;
}

function startupTable(results, meta) {
  const shells = meta.shells;
  const rows = [];
  for (const id of STARTUP_APPS) {
    const byShell = results[id];
    if (!byShell) continue;
    for (const { key, label } of STARTS) {
      rows.push([
        `${APPS[id].label}: ${label}`,
        ...shells.map((s) => {
          const c = byShell[s]?.[key];
          const cold = byShell[s]?.cold;
          const ofCold = key === 'warm' && c && 'median' in c && cold && 'median' in cold ? `${(c.median / cold.median).toFixed(2)} of cold` : '';
          return msCell(c, byShell.native?.[key], s === 'native', ofCold);
        }),
      ]);
    }
  }
  return [
    'Time from mount start to the app\'s first render (its own probe reporting `performance.timeOrigin + performance.now()`, so iframe and host clocks agree). Mount start: native, before fetching the entry HTML; iframe, portico, micro-app: element inserted; qiankun: `loadMicroApp` called; wujie: `startApp` called. Every shell fetches the entry. **Cold**: first mount in a fresh page. **Warm**: the same app again in the same page after unmounting it (entry fetched once already; what a shell keeps, and whether it re-runs the app or only calls its `mount`, is up to the shell, see Method). Median ms (ratio to native; warm rows also give warm ÷ cold of the same shell).',
    targetLine('startup'),
    table(['app: mount', ...shells], rows),
    appList(STARTUP_APPS),
    phaseTable(results),
  ].filter(Boolean).join('\n\n');
}

const PHASE_LABELS = {
  entry: 'entry',
  parse: 'parse',
  tree: 'tree',
  sandbox: 'sandbox',
  scripts: 'scripts',
  resources: 'resources',
  lifecycles: 'lifecycles',
  total: '= mounted',
  styles: 'of which styles',
};

/** Portico's mounts step by step (the element's mountTiming), with the first render of the table above. */
function phaseTable(results) {
  const rows = [];
  for (const id of STARTUP_APPS) {
    const portico = results[id]?.portico;
    if (!portico?.phases) continue;
    for (const { key, label } of STARTS) {
      const phases = portico.phases[key];
      const rendered = portico[key];
      rows.push([`${APPS[id].label}: ${label}`, ...PHASES.map((phase) => formatMs(phases[phase].median)), 'median' in rendered ? formatMs(rendered.median) : '–']);
    }
  }
  if (!rows.length) return '';
  return [
    '### Where Portico\'s mount goes',
    "Portico's own account of the same mounts: the element's `mountTiming` (see README, \"Mount timing\"), read at `micro-app-mounted`, median ms per step. The steps follow each other and add up to \"= mounted\" (the end of the app's `mount()`, or of its `load` event without lifecycles): **entry** fetch (or the page's cache on a warm mount), **parse** (DOMParser, URL rewriting), **tree** (into the shadow root), **sandbox** (proxies and every patcher), **scripts** (downloads, compile, run, up to `DOMContentLoaded`), **resources** (stylesheets and images, then `load`), **lifecycles** (`bootstrap`, `mount`). **Of which styles** is Portico's stylesheet processing (`:root`, `rem`, `@font-face`), counted inside the steps it fell in. **First render** is the start-up cell above: an app without lifecycles renders while its scripts run, before its stylesheets have loaded, as it does natively.",
    table(['app: mount', ...PHASES.map((p) => PHASE_LABELS[p]), 'first render'], rows),
  ].join('\n\n');
}

function appList(ids) {
  return ['Apps (`demo/fixtures/<id>/`):', ...ids.map((id) => `- **${APPS[id].label}** (\`${id}\`): ${APPS[id].what}.`)].join('\n');
}

function instancesTable(results, meta) {
  const shells = meta.shells;
  const n = meta.instances ?? 10;
  const rows = [];
  for (const id of INSTANCE_APPS) {
    const byShell = results[id];
    if (!byShell) continue;
    rows.push([`${APPS[id].label}: 1 instance`, ...shells.map((s) => msCell(byShell[s]?.one, byShell.native?.one, s === 'native'))]);
    rows.push([`${APPS[id].label}: ${n} instances`, ...shells.map((s) => ('na' in (byShell[s]?.many ?? {}) ? 'n/a (see below)' : msCell(byShell[s]?.many, null, true)))]);
    rows.push([`${APPS[id].label}: ${n} ÷ 1`, ...shells.map((s) => (byShell[s]?.ratio ? `**${formatRatio(byShell[s].ratio, 1)}**` : '–'))]);
  }
  return [
    `${n} instances of one app on one page (dashboard widgets), each a separate mount with its own name, started one after the other in the host page with no round trip to the harness in between; time from the first mount start to the last instance's first render. Against 1 instance in the same kind of fresh page, and the ratio of the two medians. Median ms (1-instance row: ratio to native).`,
    targetLine('instances'),
    table(['app', ...shells], rows),
    `Native: ${NATIVE_NA}.`,
  ].join('\n\n');
}

function switchTable(results, meta) {
  const shells = meta.shells;
  const rows = SWITCH_PAIRS.filter((p) => results[p.key]).map((pair) => {
    const byShell = results[pair.key];
    return [
      pair.label,
      ...shells.map((s) => {
        const c = byShell[s];
        if (!c) return '–';
        if (!('median' in c)) return `failed: ${c.error}`;
        const ratio = s === 'native' ? '' : ` (${formatRatio(c.median, byShell.native?.median)})`;
        const some = c.runs < c.attempted ? ` (${c.runs}/${c.attempted} runs; ${c.error})` : '';
        return `${formatMs(c.median)} ms${ratio}; p95 ${formatMs(c.p95)} ms${some}`;
      }),
    ];
  });
  return [
    `One page per shell and pair: each app is mounted once (the first unmounted again) before ${meta.switches ?? 50} timed switches, each an unmount of the current app and a mount of the other, timed in the host page from before the unmount to the other app's first-render report; the apps idle 10 ms between switches. Per run the median and 95th percentile (nearest rank) of its switches; the cells give the medians of those over ${plural(meta.switchRuns ?? meta.runs, 'run')}: median ms per switch (ratio to native); p95. Apps with lifecycles are remounted through each shell's cache path (see Method); native and iframe load the app afresh on every switch.`,
    targetLine('switch'),
    table(['pair', ...shells], rows),
  ].join('\n\n');
}

function sandboxTable(results, shells) {
  const rows = LOOPS.map(({ key, label }) => [label, ...shells.map((s) => msCell(results[s]?.[key], results.native?.[key], s === 'native'))]);
  return [
    'Each loop runs 300,000 iterations inside the sub-app `demo/fixtures/bench-loops/` (`loops.js`, a classic script), timed there with `performance.now()`; median ms, ratio to native. Loop counters are locals, so only the names each loop is about can reach a shell\'s scope; each loop checks its result, and a wrong one is reported as failed.',
    targetLine('sandbox'),
    table(['loop (300,000 iterations)', ...shells], rows),
  ].join('\n\n');
}

function memoryTable(results, meta) {
  const cycles = meta.cycles;
  const last = cycles.length - 1;
  const head = [
    'shell',
    ...cycles.map((n) => `heap after ${n} cycles`),
    ...cycles.slice(1).map((n, i) => `growth/cycle ${cycles[i]}→${n}`),
    `DevTools records after ${cycles[last]} (left out)`,
    `DOM nodes left after ${cycles[last]}`,
    `host listeners left after ${cycles[last]}`,
  ];
  const rows = meta.shells.map((shell) => {
    const r = results[shell];
    if (!r) return [shell, ...head.slice(1).map(() => '–')];
    if (!r.heaps) return [shell, `failed: ${r.error}`, ...head.slice(2).map(() => '')];
    const note = r.runs < meta.memoryRuns ? ` (${r.runs}/${meta.memoryRuns} runs; ${r.error})` : '';
    const windows = r.windows.map((w, i) => (i === r.windows.length - 1 ? `**${kB(w)} kB**` : `${kB(w)} kB`));
    return [shell, ...r.heaps.map((h) => `${MB(h)} MB`), ...windows, `${kB(r.devtools[last])} kB`, `${r.nodesLeft}`, `${r.listenersLeft}${note}`];
  });
  const channel =
    meta.channel === 'console'
      ? 'Apps reported through `console.log` in this run (`--channel console`): V8 keeps each console message and its arguments while the DevTools protocol is attached, so the growth includes that.'
      : 'Apps report through a CDP binding (`__benchReport`, `Runtime.addBinding`), which retains nothing in the page; over the console, the messages V8 keeps for DevTools would count as growth (about 65 bytes per report, measured apart; see bench/README.md).';
  return [
    `One page per shell: mount the React app (bench-react), wait for its first render, unmount; repeat. At each checkpoint: \`window.gc()\` and CDP \`HeapProfiler.collectGarbage\`, twice, then a CDP heap snapshot (\`HeapProfiler.takeHeapSnapshot\`) of the page's renderer, same-site iframes included: the heap is the sum of its objects' self sizes, V8 and Blink, so only what is still reachable counts (the used size \`Runtime.getHeapUsage\` reports, which this figure read before, also counts what is no longer reachable but not yet freed). The last column counts event listeners on the host page's \`window\` and \`document\` (CDP \`DOMDebugger.getEventListeners\`) that were not there at 0 cycles: whatever an app leaves there after unmount keeps its code, and whatever that code references, alive; the column before it counts the DOM nodes alive in the renderer (CDP \`Memory.getDOMCounters\`, after the same GCs) less those at 0 cycles. The heap leaves out what the DevTools protocol's network agent keeps because the harness is attached (Playwright enables the Network domain on every page; Blink then keeps a record of about 290 bytes for every request the page makes, which a user's browser, with no DevTools open, does not), shown in its own column: it would otherwise count every request against the shell that made it. Growth per cycle is given for each window between checkpoints: the early windows include the engine's warm-up (optimized code for the shell's hot functions, caches growing to their size; bench/heap-diff.mjs shows which), the last one (bold) is the steady state, where a leak shows. Medians of ${plural(meta.memoryRuns, 'run')}; MB = 10^6 bytes, kB = 10^3 bytes. Native has no unmount: each cycle re-runs the app's scripts in the host page and removes its DOM. ${channel}`,
    targetLine('memory'),
    table(head, rows),
  ].join('\n\n');
}

function sizeTable(results) {
  const rows = Object.entries(results).map(([shell, r]) =>
    'error' in r
      ? [shell, '', `failed: ${r.error}`, '', '']
      : r.lazy
        ? [`${shell.split(':')[0]} (lazy chunk, loaded only when needed)`, r.version, `\`${r.file}\``, `${kB(r.bytes)} kB`, `${kB(r.gzip)} kB`]
        : [shell, r.version, `\`${r.file}\``, `${kB(r.bytes)} kB`, `**${kB(r.gzip)} kB**`],
  );
  rows.push(['native, iframe', '', 'built into the browser', '0', '0']);
  return [
    'gzip -9 of each shell\'s browser bundle: Portico\'s `cdn/portico.js` as `npm run build` writes it; each peer\'s whole package API bundled by esbuild (ESM, minified, `NODE_ENV=production`, legal comments dropped, dependencies such as lodash and single-spa included), as the host pages load them. kB = 10^3 bytes.',
    targetLine('size'),
    table(['shell', 'version', 'file', 'minified', 'gzip -9'], rows),
  ].join('\n\n');
}

/** What the figures reflect, by construction of the harness and of the shells at the versions above. */
const READING = [
  'Reading the numbers:',
  '',
  '- The apps server sends `Cache-Control: no-store`, so native and iframe download and compile the app again on every mount; a shell that keeps fetched sources (or compiled code) in memory does not, which is how a warm mount can beat native.',
  '- An app with lifecycles renders in its `mount()`: a shell that keeps the app loaded between mounts only calls `mount()` again on a warm mount or a switch. Native and iframe cannot: they run the whole app again.',
  '- Apps without lifecycles render when their scripts run, so every mount runs them again in every shell; bench-react and bench-blank export no-op lifecycles for qiankun alone (it refuses an app without), under `window.__POWERED_BY_QIANKUN__ && !window.__PORTICO__`: Portico sets `__POWERED_BY_QIANKUN__` too, for compatibility, and would otherwise take the no-ops for the app\'s lifecycles.',
  '- Vue 3\'s global build declares `var Vue` at its top level; qiankun, micro-app and wujie run each script inside a function, where that `var` stays local, so every shell loads the same copy with `window.Vue = Vue` appended (their documented workaround; a no-op natively). bench-vue renders with a render function: the global build compiles templates with `new Function`, whose code looks for `Vue` on the real global object.',
  '- The Vite app\'s entry is an ES module: qiankun evaluates scripts as classic code and cannot run it ("failed"); micro-app runs it in its `iframe` sandbox (see its note under Method).',
  '- Loop (c) measures where a shell runs a classic script\'s top level: directly inside `with (proxy)`, a top-level `var` is looked up through the proxy on every access; inside a function (with the sandbox\'s globals published some other way), it is a plain local.',
  '- Growth per cycle includes what the app itself leaks: native shows the floor for this app in one realm (it cannot unmount), iframe what a discarded realm frees.',
].join('\n');

function method(report) {
  const { meta } = report;
  const notes = meta.notes.length ? meta.notes.map((n) => `- ${n}`).join('\n') : '- None.';
  const durations = report.durations && Object.keys(report.durations).length
    ? `Time per figure in this run: ${Object.entries(report.durations).map(([f, s]) => `${f} ${s} s`).join(', ')}.`
    : '';
  return [
    '## Method',
    'Sub-apps are served cross-origin by `demo/apps/server.mjs` (127.0.0.1, one port; `Cache-Control: no-store`); each shell\'s host page, with the peers\' bundles and Portico\'s CDN file, by `bench/lib/server.mjs` (127.0.0.1, another port). Every shell loads the very same sub-app files, and every app reports its first render itself. How each shell mounts and unmounts:',
    meta.shellNotes.map(({ id, note }) => `- **${id}**: ${note}`).join('\n'),
    `Reporting channel: ${meta.channel === 'console' ? '`console.log(\'BENCH \' + json)` (`--channel console`).' : 'apps and host pages call `__benchReport(json)`, a CDP binding (`Runtime.addBinding` on the page\'s session) present in the host page and every frame; an app that finds none falls back to `console.log(\'BENCH \' + json)`. The binding retains nothing in the page; the console keeps every message and its arguments for DevTools (about 65 bytes per report), which the memory figure would count.'}`,
    READING,
    durations,
    '### Notes from this run',
    notes,
  ].filter(Boolean).join('\n\n');
}

/**
 * One note per cell where some or all runs failed, for the report's "Notes from this run".
 * @param {Pick<Report, 'startup' | 'instances' | 'switch' | 'sandbox' | 'memory'>} report
 * @returns {string[]}
 */
export function partialNotes(report) {
  const notes = [];
  const noteCell = (where, cell) => {
    if (!cell?.error) return;
    const what = 'median' in cell ? `${(cell.attempted ?? cell.runs) - (cell.samples?.length ?? cell.runs)} of ${cell.attempted ?? cell.runs} runs failed` : 'failed';
    notes.push(`${where}: ${what}: ${cell.error}`);
  };
  for (const [app, byShell] of Object.entries(report.startup ?? {})) {
    for (const [shell, cells] of Object.entries(byShell)) for (const [key, cell] of Object.entries(cells)) noteCell(`startup, ${app}, ${shell}, ${key}`, cell);
  }
  for (const [app, byShell] of Object.entries(report.instances ?? {})) {
    for (const [shell, { one, many }] of Object.entries(byShell)) {
      noteCell(`instances, ${app}, ${shell}, 1 instance`, one);
      noteCell(`instances, ${app}, ${shell}, many`, many);
    }
  }
  for (const [pair, byShell] of Object.entries(report.switch ?? {})) {
    for (const [shell, cell] of Object.entries(byShell)) noteCell(`switch, ${pair}, ${shell}`, cell);
  }
  for (const [shell, cells] of Object.entries(report.sandbox ?? {})) {
    for (const [key, cell] of Object.entries(cells)) noteCell(`sandbox, ${shell}, ${key}`, cell);
  }
  for (const [shell, cell] of Object.entries(report.memory ?? {})) {
    if (cell.error) notes.push(`memory, ${shell}: ${cell.heaps ? 'some runs failed' : 'failed'}: ${cell.error}`);
  }
  return notes;
}
