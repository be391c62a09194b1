/**
 * Command-line options of bench/run.mjs.
 */
import { parseArgs } from 'node:util';

/**
 * @typedef {object} Options
 * @property {number} runs Runs per figure (median reported).
 * @property {number} memoryRuns Runs of the memory figure: default the smaller of `runs` and 2, since
 *   its readings differ by under 1% between runs and each run takes about a minute.
 * @property {number} switchRuns Runs of the switch figure: default `runs` (each run already times
 *   `switches` switches per pair; fewer runs save time).
 * @property {number} switches Switches per pair and run in the switch figure.
 * @property {number} instances Instances on one page in the instances figure.
 * @property {'binding' | 'console'} channel How apps report to the harness (bench/lib/browser.mjs).
 * @property {number[]} cycles Memory checkpoints (mount/unmount cycles done), ascending, first 0.
 * @property {string[]} figures Which figures to run, in this order: startup, instances, switch,
 *   sandbox, memory, size.
 * @property {string[]} shells Which shells, by id.
 * @property {string[] | undefined} apps Start-up figure only: which of its apps (default all).
 * @property {string} out Report path, relative to the repository.
 */

/** Every figure, in run and report order. */
export const FIGURES = ['startup', 'instances', 'switch', 'sandbox', 'memory', 'size'];

export const USAGE = `usage: node bench/run.mjs [--runs N] [--memory-runs N] [--switch-runs N] [--cycles 0,50,200,400]
                          [--switches 50] [--instances 10] [--channel binding|console]
                          [--figures ${FIGURES.join(',')}] [--shells native,iframe,...] [--apps bench-blank,...] [--out BENCHMARKS.md]`;

/**
 * Parses argv (without node and the script).
 * @param {string[]} argv
 * @param {string[]} allShells Valid shell ids, in report order.
 * @param {string[]} [allApps] Valid start-up app ids.
 * @returns {Options}
 */
export function parseOptions(argv, allShells, allApps = []) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '7' },
      'memory-runs': { type: 'string' },
      'switch-runs': { type: 'string' },
      switches: { type: 'string', default: '50' },
      instances: { type: 'string', default: '10' },
      channel: { type: 'string', default: 'binding' },
      cycles: { type: 'string', default: '0,50,200,400' },
      figures: { type: 'string', default: FIGURES.join(',') },
      shells: { type: 'string', default: allShells.join(',') },
      apps: { type: 'string' },
      out: { type: 'string', default: 'BENCHMARKS.md' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const runs = positive(values.runs, '--runs');
  const cycles = values.cycles.split(',').map((n) => Number(n));
  if (cycles.length < 2 || cycles[0] !== 0 || cycles.some((n, i) => !Number.isInteger(n) || (i && n <= cycles[i - 1]))) {
    throw new UsageError(`--cycles must be ascending integers starting at 0, e.g. 0,50,200,400\n${USAGE}`);
  }
  const figures = list(values.figures, FIGURES, '--figures');
  const shells = list(values.shells, allShells, '--shells');
  if (!['binding', 'console'].includes(values.channel)) throw new UsageError(`--channel must be binding or console\n${USAGE}`);
  const instances = positive(values.instances, '--instances');
  if (instances < 2) throw new UsageError(`--instances must be at least 2\n${USAGE}`);
  return {
    runs,
    memoryRuns: values['memory-runs'] ? positive(values['memory-runs'], '--memory-runs') : Math.min(runs, 2),
    switchRuns: values['switch-runs'] ? positive(values['switch-runs'], '--switch-runs') : runs,
    switches: positive(values.switches, '--switches'),
    instances,
    channel: values.channel,
    cycles,
    figures: FIGURES.filter((f) => figures.includes(f)),
    shells: allShells.filter((id) => shells.includes(id)),
    apps: values.apps ? list(values.apps, allApps, '--apps') : undefined,
    out: values.out,
  };
}

/** A bad command line: run.mjs prints the message and exits with status 2. */
export class UsageError extends Error {}

function positive(text, flag) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer\n${USAGE}`);
  return n;
}

function list(text, valid, flag) {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((item) => !valid.includes(item));
  if (bad.length || items.length === 0) throw new UsageError(`${flag}: unknown ${bad.join(', ') || '(empty)'}; one of ${valid.join(', ')}\n${USAGE}`);
  return items;
}
