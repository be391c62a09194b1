/**
 * Memory figure: mount and unmount the React app (bench-react) repeatedly in
 * one page per shell, waiting for its first render each time; at each
 * checkpoint (after 0, 50 and 200 cycles by default) force GC and read the JS
 * heap over CDP (without what the attached DevTools agents keep, counted
 * apart), the DOM nodes alive, and the event listeners left on the host's
 * window and document (a listener an app leaves there keeps the app's code
 * alive). Growth is reported per window between checkpoints: the early ones
 * include the engine's warm-up (optimized code of the shell's hot functions,
 * caches reaching their size), the last is the steady state a leak shows in.
 */
import { median } from '../stats.mjs';
import { reason, sleep } from '../timeout.mjs';
import { eachRun } from './runs.mjs';

/**
 * @typedef {{ heaps: number[], windows: number[], devtools: number[], nodesLeft: number, listenersLeft: number, runs: number, error?: string } | { error: string }} MemoryCell
 *   `heaps` in bytes, one per checkpoint, DevTools' records left out; `windows`, growth per cycle in
 *   bytes between each checkpoint and the next (the last is the steady state); `devtools`, bytes the DevTools agents kept at each checkpoint; `nodesLeft`, DOM
 *   nodes alive after the last checkpoint less those at the first; `listenersLeft`: listeners on the
 *   host window and document after the last checkpoint that were not there before the first.
 */

/**
 * Runs the figure.
 * @param {import('../../run.mjs').Context} ctx
 * @returns {Promise<Record<string, MemoryCell>>} shell → medians across runs.
 */
export async function memoryFigure(ctx) {
  const app = { name: 'bench-react', url: `${ctx.appsUrl}/fixtures/bench-react/` };
  const checkpoints = ctx.cycles;
  const runs = await eachRun(
    ctx,
    'memory',
    async (page) => {
      await sleep(ctx.settleMs);
      const heaps = [];
      const devtools = [];
      const nodes = [];
      const listeners = [];
      let done = 0;
      for (const target of checkpoints) {
        for (; done < target; done++) {
          await page.mount(app);
          await page.next('firstRender', ctx.timeouts.step);
          await page.unmount();
        }
        await sleep(ctx.settleMs);
        const heap = await page.heap();
        heaps.push(heap.bytes);
        devtools.push(heap.devtools);
        nodes.push(heap.nodes);
        listeners.push(await page.listeners());
      }
      return { heaps, devtools, nodes, listeners };
    },
    { runs: ctx.memoryRuns },
  );
  return Object.fromEntries(Object.entries(runs).map(([shell, results]) => [shell, fold(results, checkpoints)]));
}

/** Medians across the runs of one shell. */
function fold(results, checkpoints) {
  const ok = results.filter((r) => !(r instanceof Error));
  const errors = results.filter((r) => r instanceof Error).map(reason);
  if (ok.length === 0) return { error: errors[0] ?? 'no samples' };
  const last = checkpoints.length - 1;
  const growth = (from, to) => median(ok.map(({ heaps }) => (heaps[to] - heaps[from]) / (checkpoints[to] - checkpoints[from])));
  return {
    heaps: checkpoints.map((_, i) => median(ok.map(({ heaps }) => heaps[i]))),
    windows: checkpoints.slice(1).map((_, i) => growth(i, i + 1)),
    devtools: checkpoints.map((_, i) => median(ok.map(({ devtools }) => devtools[i]))),
    nodesLeft: median(ok.map(({ nodes }) => nodes[last] - nodes[0])),
    listenersLeft: median(ok.map(({ listeners }) => listeners[last] - listeners[0])),
    runs: ok.length,
    ...(errors.length ? { error: errors[0] } : {}),
  };
}
