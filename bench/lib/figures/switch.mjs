/**
 * Switch figure: in one page, two apps alternate. Each is mounted once (and
 * the first unmounted) before the timed part; then `ctx.switches` switches,
 * each one unmount of the current app and a mount of the other, timed in the
 * host page from before the unmount to the other app's first-render report.
 * The apps idle 10 ms between switches. Per run: the median and p95 of its
 * switches; the figure reports the medians of those across runs.
 */
import { APPS, appOf } from '../apps.mjs';
import { median } from '../stats.mjs';
import { reason, sleep } from '../timeout.mjs';
import { eachRun } from './runs.mjs';

/** The pairs of this figure, in report order. */
export const SWITCH_PAIRS = [
  { key: 'lifecycles', apps: ['bench-lifecycle', 'bench-vue'], label: 'with lifecycles: bench-lifecycle ↔ bench-vue' },
  { key: 'plain', apps: ['bench-react', 'bench-blank'], label: 'without lifecycles: bench-react ↔ bench-blank' },
];

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * @typedef {{ median: number, p95: number, runs: number, attempted: number, switches: number, error?: string } | { error: string }} SwitchCell
 *   `median`, `p95`: medians across runs of each run's median and p95 (ms per switch).
 */

/**
 * Runs the figure.
 * @param {import('../../run.mjs').Context} ctx
 * @returns {Promise<Record<string, Record<string, SwitchCell>>>} pair key → shell → cell.
 */
export async function switchFigure(ctx) {
  const byPair = {};
  for (const pair of SWITCH_PAIRS) {
    const [a, b] = pair.apps.map((id) => appOf(ctx, id));
    const runs = await eachRun(
      ctx,
      'switch',
      async (page) => {
        await sleep(ctx.settleMs);
        await page.mount(a);
        await page.next('firstRender', ctx.timeouts.step);
        await page.unmount(a.name);
        await page.mount(b);
        await page.next('firstRender', ctx.timeouts.step);
        await sleep(ctx.settleMs);
        let [current, other] = [b, a];
        const times = [];
        for (let i = 0; i < ctx.switches; i++) {
          const extra = page.drain('firstRender');
          if (extra) throw new Error(`${extra} first-render report(s) more than mounts, before switch ${i + 1}`);
          const t0 = await page.switchTo(current.name, other);
          times.push((await page.next('firstRender', ctx.timeouts.step)).firstRender - t0);
          [current, other] = [other, current];
          await sleep(10);
        }
        return { median: median(times), p95: percentile(times, 95) };
      },
      { runs: ctx.switchRuns, label: `switch ${pair.apps.join(' <-> ')}` },
    );
    byPair[pair.key] = Object.fromEntries(
      Object.entries(runs).map(([shell, results]) => {
        const ok = results.filter((r) => !(r instanceof Error));
        const errors = results.filter((r) => r instanceof Error).map(reason);
        if (ok.length === 0) return [shell, { error: errors[0] ?? 'no samples' }];
        return [
          shell,
          {
            median: median(ok.map((r) => r.median)),
            p95: median(ok.map((r) => r.p95)),
            runs: ok.length,
            attempted: results.length,
            switches: ctx.switches,
            ...(errors.length ? { error: errors[0] } : {}),
          },
        ];
      }),
    );
  }
  return byPair;
}

export { APPS };
