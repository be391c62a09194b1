/**
 * Command-line options of bench/run.mjs.
 */
import { parseArgs } from 'node:util';

/**
 * @typedef {object} Options
 * @property {number} runs Runs per figure (median reported).
 * @property {number} memoryRuns Runs of the memory figure: default the smaller of `runs` and 2, since
 *   its readings differ by under 1% between runs and each run takes about a minute.
 * @property {number[]} cycles Memory checkpoints (mount/unmount cycles done), ascending, first 0.
 * @property {string[]} figures Which figures to run: sandbox, startup, memory, size.
 * @property {string[]} shells Which shells, by id.
 * @property {string} out Report path, relative to the repository.
 */

export const USAGE = `usage: node bench/run.mjs [--runs N] [--memory-runs N] [--cycles 0,50,200]
                          [--figures sandbox,startup,memory,size] [--shells native,iframe,...] [--out BENCHMARKS.md]`;

/**
 * Parses argv (without node and the script).
 * @param {string[]} argv
 * @param {string[]} allShells Valid shell ids, in report order.
 * @returns {Options}
 */
export function parseOptions(argv, allShells) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '5' },
      'memory-runs': { type: 'string' },
      cycles: { type: 'string', default: '0,50,200' },
      figures: { type: 'string', default: 'sandbox,startup,memory,size' },
      shells: { type: 'string', default: allShells.join(',') },
      out: { type: 'string', default: 'BENCHMARKS.md' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const runs = positive(values.runs, '--runs');
  const cycles = values.cycles.split(',').map((n) => Number(n));
  if (cycles.length < 2 || cycles[0] !== 0 || cycles.some((n, i) => !Number.isInteger(n) || (i && n <= cycles[i - 1]))) {
    throw new UsageError(`--cycles must be ascending integers starting at 0, e.g. 0,50,200\n${USAGE}`);
  }
  const figures = list(values.figures, ['sandbox', 'startup', 'memory', 'size'], '--figures');
  const shells = list(values.shells, allShells, '--shells');
  return {
    runs,
    memoryRuns: values['memory-runs'] ? positive(values['memory-runs'], '--memory-runs') : Math.min(runs, 2),
    cycles,
    figures,
    shells: allShells.filter((id) => shells.includes(id)),
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
