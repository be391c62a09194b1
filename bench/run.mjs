/**
 * Benchmark harness: measures the same sub-apps under native, iframe, portico,
 * qiankun, micro-app and wujie in one headless Chromium run, then prints the
 * report and writes it to BENCHMARKS.md (raw samples to bench/results/).
 *
 *   npm run bench                       # builds, then: node bench/run.mjs
 *   node bench/run.mjs --runs 3         # see bench/lib/cli.mjs for every option
 *
 * Figures (bench/lib/figures/): 1. start-up, cold and warm (startup.mjs),
 * 2. N instances on one page (instances.mjs), 3. switch between two apps
 * (switch.mjs), 4. sandbox cost (sandbox.mjs), 5. memory (memory.mjs), 6. size
 * (size.mjs). A figure or shell that fails is reported as "failed: reason";
 * the run goes on.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { startAppsServer } from '../demo/apps/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { bundlePeers } from './lib/bundle.mjs';
import { parseOptions, UsageError } from './lib/cli.mjs';
import { commandLine, gitState, load, machine, versionOf } from './lib/env.mjs';
import { instancesFigure } from './lib/figures/instances.mjs';
import { memoryFigure } from './lib/figures/memory.mjs';
import { sandboxFigure } from './lib/figures/sandbox.mjs';
import { sizeFigure } from './lib/figures/size.mjs';
import { warmUp } from './lib/figures/runs.mjs';
import { STARTUP_APPS, startupFigure } from './lib/figures/startup.mjs';
import { switchFigure } from './lib/figures/switch.mjs';
import { partialNotes, renderReport } from './lib/report.mjs';
import { startHostServer } from './lib/server.mjs';
import { SHELLS } from './lib/shells.mjs';
import { reason } from './lib/timeout.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * What every figure gets.
 * @typedef {object} Context
 * @property {import('playwright-core').Browser} browser
 * @property {string} hostUrl The host origin (bench/lib/server.mjs).
 * @property {string} appsUrl The sub-apps' origin (demo/apps/server.mjs).
 * @property {string[]} shells Shell ids, in report order.
 * @property {number} runs
 * @property {number} memoryRuns
 * @property {number} switchRuns
 * @property {number} switches Switches per pair and run.
 * @property {number} instances Instances per page in the instances figure.
 * @property {'binding' | 'console'} channel How apps report (bench/lib/browser.mjs).
 * @property {number[]} cycles Memory checkpoints.
 * @property {{ sandbox: number, startup: number, instances: number, switch: number, memory: number, step: number }} timeouts
 *   In ms: one measurement of each figure (page included), and one wait for an app's message.
 * @property {number} settleMs Idle time before a mount and before a heap reading.
 * @property {(line: string) => void} log Progress, to stderr.
 * @property {string[]} notes Lines for the report's "Notes from this run".
 * @property {{ binding: number, console: number, consoleShells: Set<string> }} received Reports
 *   received, per channel, over the whole run.
 */

const TIMEOUTS = { sandbox: 90_000, startup: 45_000, instances: 60_000, switch: 120_000, memory: 240_000, step: 20_000 };

async function main() {
  const options = parseOptions(process.argv.slice(2), SHELLS.map((s) => s.id), STARTUP_APPS);
  const started = Date.now();
  const loadAtStart = load();
  const git = gitState();
  const log = (line) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}\n`);
  const closers = [];
  const closeAll = async () => {
    while (closers.length) await closers.pop()().catch(() => {});
  };
  process.once('SIGINT', () => closeAll().finally(() => process.exit(130)));

  const notes = [];
  const report = { failures: {} };
  let chromium = '?';
  try {
    log('bundling qiankun, micro-app and wujie with esbuild into bench/.cache/');
    const bundles = await bundlePeers().catch((error) => {
      notes.push(`Bundling the peers failed (${reason(error)}); their cells fail.`);
      return [];
    });
    const apps = await startAppsServer({ port: 0 });
    closers.push(apps.close);
    const host = await startHostServer();
    closers.push(host.close);
    const launched = await launchBrowser();
    closers.push(() => launched.browser.close());
    chromium = launched.version;
    log(`Chromium ${chromium}; host ${host.url}, apps ${apps.url}`);

    /** @type {Context} */
    const ctx = {
      browser: launched.browser,
      hostUrl: host.url,
      appsUrl: apps.url,
      shells: options.shells,
      ...runOptions(options),
      timeouts: TIMEOUTS,
      settleMs: 50,
      log,
      notes,
      received: { binding: 0, console: 0, consoleShells: new Set() },
    };
    await warmUp(ctx);
    const figures = {
      startup: () => startupFigure(ctx),
      instances: () => instancesFigure(ctx),
      switch: () => switchFigure(ctx),
      sandbox: () => sandboxFigure(ctx),
      memory: () => memoryFigure(ctx),
      size: () => sizeFigure(bundles),
    };
    report.durations = {};
    for (const figure of options.figures) {
      log(`figure: ${figure}`);
      const figureStarted = Date.now();
      try {
        report[figure] = await figures[figure]();
      } catch (error) {
        report.failures[figure] = reason(error);
        log(`figure ${figure} failed: ${error.stack ?? error}`);
      }
      report.durations[figure] = Math.round((Date.now() - figureStarted) / 1000);
      log(`figure ${figure} took ${report.durations[figure]} s`);
    }
    const { binding, console: viaConsole, consoleShells } = ctx.received;
    if (ctx.channel === 'binding' && viaConsole) {
      notes.push(`${viaConsole} of ${binding + viaConsole} reports came over the console fallback (${[...consoleShells].join(', ')}): those apps found no \`__benchReport\` binding.`);
    }
  } finally {
    await closeAll();
  }

  report.meta = {
    command: commandLine(process.argv.slice(2)),
    date: new Date().toISOString(),
    machine: machine(),
    load: [loadAtStart, load()],
    chromium,
    git,
    versions: Object.fromEntries(['portico', 'qiankun', '@micro-zoe/micro-app', 'wujie', 'playwright-core'].map((n) => [n, versionOf(n)])),
    ...runOptions(options),
    shells: options.shells,
    seconds: Math.round((Date.now() - started) / 1000),
    shellNotes: SHELLS.filter((s) => options.shells.includes(s.id)),
    notes: [...notes, ...partialNotes(report)],
  };
  const markdown = renderReport(report);
  process.stdout.write(markdown);
  await fs.writeFile(path.resolve(ROOT, options.out), markdown);
  const raw = path.join(ROOT, 'bench', 'results', `${report.meta.date.replace(/[:.]/g, '-')}.json`);
  await fs.mkdir(path.dirname(raw), { recursive: true });
  await fs.writeFile(raw, JSON.stringify(report, null, 2));
  log(`wrote ${options.out} and ${path.relative(ROOT, raw)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The options that shape the measurements: handed to every figure, and recorded in the report. */
function runOptions(options) {
  const { runs, memoryRuns, switchRuns, switches, instances, channel, cycles, apps } = options;
  return { runs, memoryRuns, switchRuns, switches, instances, channel, cycles, startupApps: apps ?? STARTUP_APPS };
}

main().catch((error) => {
  if (error instanceof UsageError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(error.stack ?? error);
    process.exitCode = 1;
  }
});
