/**
 * Renders the results as Markdown (BENCHMARKS.md and the terminal).
 */
import { LOOPS } from './figures/sandbox.mjs';
import { STARTS } from './figures/startup.mjs';
import { formatMs, formatRatio } from './stats.mjs';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const kB = (bytes) => (bytes / 1000).toFixed(1);
const MB = (bytes) => (bytes / 1e6).toFixed(2);

/**
 * @typedef {object} Report
 * @property {object} meta `{ command, date, machine, load, chromium, versions, runs, memoryRuns, cycles, shells, shellNotes, notes }`
 * @property {object} [sandbox] From sandboxFigure.
 * @property {object} [startup] From startupFigure.
 * @property {object} [memory] From memoryFigure.
 * @property {object} [size] From sizeFigure.
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
  parts.push(section('1. Sandbox cost', report, 'sandbox', () => sandboxTable(report.sandbox, meta.shells)));
  parts.push(section('2. Start-up of a real app (React 19, webpack)', report, 'startup', () => startupTable(report.startup, meta.shells)));
  parts.push(section('3. Memory across mount/unmount cycles', report, 'memory', () => memoryTable(report.memory, meta)));
  parts.push(section('4. Size', report, 'size', () => sizeTable(report.size)));
  parts.push(method(meta));
  return parts.join('\n\n') + '\n';
}

function header(meta) {
  const m = meta.machine;
  return [
    '# Benchmarks',
    'Portico against the physical limit (native), a plain iframe, and its peers, in one headless Chromium run.',
    [
      `- Command: \`${meta.command}\` (\`npm run bench\` is \`npm run build && npm run build:fixtures && node bench/run.mjs\`)`,
      `- Date: ${meta.date}`,
      `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}; 1-minute load average ${meta.load[0]} at start, ${meta.load[1]} at end${Math.max(...meta.load) > m.cores ? ' (above the core count: other work competed for the CPU, so timings are noisy)' : ''}`,
      `- Browser: Chromium ${meta.chromium} (headless), driven by playwright-core ${meta.versions['playwright-core']}; Node ${m.node}`,
      `- Shells: portico ${meta.versions.portico}, qiankun ${meta.versions.qiankun}, micro-app ${meta.versions['@micro-zoe/micro-app']}, wujie ${meta.versions.wujie}`,
      `- Each figure is the median of ${plural(meta.runs, 'run')} (memory: ${meta.memoryRuns}), a fresh page in a fresh browser context per shell per run; ratios are to native.`,
    ].join('\n'),
  ].join('\n\n');
}

function section(title, report, key, render) {
  const body = report.failures?.[key] ? `Not measured: ${report.failures[key]}` : report[key] ? render() : 'Not run (see `--figures`).';
  return `## ${title}\n\n${body}`;
}

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** "12.3 ms (4.1x)", "failed: …", with "(2/3 runs)" when some runs failed. */
function msCell(cell, base, isBase) {
  if (!cell) return '–';
  if (!('median' in cell)) return `failed: ${cell.error}`;
  const ratio = isBase ? '' : ` (${formatRatio(cell.median, base?.median)})`;
  const partial = cell.samples.length < cell.runs ? ` (${cell.samples.length}/${cell.runs} runs; ${cell.error})` : '';
  return `${formatMs(cell.median)} ms${ratio}${partial}`;
}

function sandboxTable(results, shells) {
  const rows = LOOPS.map(({ key, label }) => [label, ...shells.map((s) => msCell(results[s]?.[key], results.native?.[key], s === 'native'))]);
  return [
    'Each loop runs 300,000 iterations inside the sub-app `demo/fixtures/bench-loops/` (`loops.js`, a classic script), timed there with `performance.now()`; median ms, ratio to native. Loop counters are locals, so only the names each loop is about can reach a shell\'s scope; each loop checks its result, and a wrong one is reported as failed.',
    table(['loop (300,000 iterations)', ...shells], rows),
  ].join('\n\n');
}

function startupTable(results, shells) {
  const rows = STARTS.map(({ key, label }) => [label, ...shells.map((s) => msCell(results[s]?.[key], results.native?.[key], s === 'native'))]);
  return [
    'The React demo app (`demo/apps/react`, webpack 5, classic scripts) through `demo/fixtures/bench-react/`: the same build plus, at the end, a first-render probe and no-op qiankun lifecycles. Time from mount start (native: first script injected; iframe: inserted; portico, micro-app: element inserted; qiankun: `loadMicroApp` called; wujie: `startApp` called) to the app\'s `#inc` button reading "Clicked 0 times", both read as `performance.timeOrigin + performance.now()` so iframe and host clocks agree. Median ms, ratio to native.',
    table(['mount', ...shells], rows),
  ].join('\n\n');
}

function memoryTable(results, meta) {
  const cycles = meta.cycles;
  const last = cycles.length - 1;
  const head = [
    'shell',
    ...cycles.map((n) => `heap after ${n} cycles`),
    `growth/cycle ${cycles[0]}→${cycles[last]}`,
    `growth/cycle ${cycles[last - 1]}→${cycles[last]}`,
    `host listeners left after ${cycles[last]}`,
  ];
  const rows = meta.shells.map((shell) => {
    const r = results[shell];
    if (!r) return [shell, ...head.slice(1).map(() => '–')];
    if (!r.heaps) return [shell, `failed: ${r.error}`, ...head.slice(2).map(() => '')];
    const note = r.runs < meta.memoryRuns ? ` (${r.runs}/${meta.memoryRuns} runs; ${r.error})` : '';
    return [shell, ...r.heaps.map((h) => `${MB(h)} MB`), `${kB(r.perCycle)} kB`, `${kB(r.steadyPerCycle)} kB`, `${r.listenersLeft}${note}`];
  });
  return [
    `One page per shell: mount the React app (bench-react), wait for its first render, unmount; repeat. At each checkpoint: \`window.gc()\` and CDP \`HeapProfiler.collectGarbage\`, twice, then CDP \`Runtime.getHeapUsage\` (used JS heap of the page's renderer, which includes same-site iframes). The last column counts event listeners on the host page's \`window\` and \`document\` (CDP \`DOMDebugger.getEventListeners\`) that were not there at 0 cycles: whatever an app leaves there after unmount keeps its code, and whatever that code references, alive. Medians of ${plural(meta.memoryRuns, 'run')}; MB = 10^6 bytes, kB = 10^3 bytes. Native has no unmount: each cycle re-runs the app's scripts in the host page and removes its DOM.`,
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
    table(['shell', 'version', 'file', 'minified', 'gzip -9'], rows),
  ].join('\n\n');
}

/** What the figures reflect, by construction of the harness and of the shells at the versions above. */
const READING = [
  'Reading the numbers:',
  '',
  '- The apps server sends `Cache-Control: no-store`, so native and iframe download and compile the app again on every mount; a shell that keeps fetched sources (or compiled code) in memory does not, which is how a warm mount can beat native.',
  '- Loop (c) measures where a shell runs a classic script\'s top level: directly inside `with (proxy)`, a top-level `var` is looked up through the proxy on every access; inside a function (with the sandbox\'s globals published some other way), it is a plain local.',
  '- Growth per cycle includes what the app itself leaks: native shows the floor for this app in one realm (it cannot unmount), iframe what a discarded realm frees.',
].join('\n');

function method(meta) {
  const notes = meta.notes.length ? meta.notes.map((n) => `- ${n}`).join('\n') : '- None.';
  return [
    '## Method',
    'Sub-apps are served cross-origin by `demo/apps/server.mjs` (127.0.0.1, one port; `Cache-Control: no-store`); each shell\'s host page, with the peers\' bundles and Portico\'s CDN file, by `bench/lib/server.mjs` (127.0.0.1, another port). Every shell loads the very same sub-app files. How each shell mounts and unmounts:',
    meta.shellNotes.map(({ id, note }) => `- **${id}**: ${note}`).join('\n'),
    READING,
    '### Notes from this run',
    notes,
  ].join('\n\n');
}

/**
 * One note per cell where some or all runs failed, for the report's "Notes from this run".
 * @param {Pick<Report, 'sandbox' | 'startup' | 'memory'>} report
 * @returns {string[]}
 */
export function partialNotes(report) {
  const notes = [];
  for (const figure of ['sandbox', 'startup']) {
    for (const [shell, cells] of Object.entries(report[figure] ?? {})) {
      for (const [key, cell] of Object.entries(cells)) {
        if (!cell.error) continue;
        const what = 'median' in cell ? `${cell.runs - cell.samples.length} of ${cell.runs} runs failed` : 'failed';
        notes.push(`${figure}, ${shell}, ${key}: ${what}: ${cell.error}`);
      }
    }
  }
  for (const [shell, cell] of Object.entries(report.memory ?? {})) {
    if (cell.error) notes.push(`memory, ${shell}: ${cell.heaps ? 'some runs failed' : 'failed'}: ${cell.error}`);
  }
  return notes;
}
