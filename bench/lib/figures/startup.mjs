/**
 * Start-up figure: every bench app (bench/lib/apps.mjs), cold and warm. Cold:
 * the first mount in a fresh page; warm: after unmounting it, the same app
 * again in the same page (its entry already fetched once: what each shell
 * keeps is up to it). Time runs from mount start (in the host page) to the
 * app's first-render report, both as timeOrigin + now. One fresh page per app
 * per shell per run.
 */
import { APPS, appOf } from '../apps.mjs';
import { cell } from '../stats.mjs';
import { reason, sleep } from '../timeout.mjs';
import { eachRun } from './runs.mjs';

/** The apps of this figure, in report order. */
export const STARTUP_APPS = ['bench-blank', 'bench-styled', 'bench-react', 'bench-vue', 'bench-lifecycle', 'bench-vite'];

/** The start-up rows per app: key and label. */
export const STARTS = [
  { key: 'cold', label: 'cold' },
  { key: 'warm', label: 'warm' },
];

/**
 * Runs the figure.
 * @param {import('../../run.mjs').Context} ctx
 * @returns {Promise<Record<string, Record<string, Record<string, import('../stats.mjs').Cell>>>>}
 *   app → shell → cold|warm → cell (ms).
 */
export async function startupFigure(ctx) {
  const byApp = {};
  for (const id of ctx.startupApps ?? STARTUP_APPS) {
    const app = appOf(ctx, id);
    // Portico also reports its element's mountTiming once mounted: the phase breakdown.
    const timeToRender = async (page, shell) => {
      const start = await page.mount(app);
      const rendered = (await page.next('firstRender', ctx.timeouts.step)).firstRender - start;
      if (shell !== 'portico') return { rendered };
      const { mountTiming } = await page.next('mountTiming', ctx.timeouts.step);
      return { rendered, timing: mountTiming };
    };
    const runs = await eachRun(
      ctx,
      'startup',
      async (page, shell) => {
        await sleep(ctx.settleMs);
        const cold = await timeToRender(page, shell);
        await page.unmount(app.name);
        await sleep(ctx.settleMs);
        const warm = await timeToRender(page, shell);
        await sleep(ctx.settleMs);
        const extra = page.drain('firstRender');
        if (extra) throw new Error(`${extra} first-render report(s) more than mounts`);
        return { cold: cold.rendered, warm: warm.rendered, timing: cold.timing && { cold: cold.timing, warm: warm.timing } };
      },
      { label: `startup ${id}` },
    );
    const byShell = {};
    for (const [shell, results] of Object.entries(runs)) {
      const errors = results.filter((r) => r instanceof Error).map(reason);
      const ok = results.filter((r) => !(r instanceof Error));
      byShell[shell] = Object.fromEntries(STARTS.map(({ key }) => [key, cell(ok.map((r) => r[key]), errors, results.length)]));
      if (ok.some((r) => r.timing)) byShell[shell].phases = phasesOf(ok.map((r) => r.timing));
    }
    byApp[id] = byShell;
  }
  return byApp;
}

/** The steps of Portico's MountTiming, in mount order, then the overlapping stylesheet work. */
export const PHASES = ['entry', 'parse', 'tree', 'sandbox', 'scripts', 'resources', 'lifecycles', 'total', 'styles'];

/** Per cold|warm and step: the median over runs (cells of ms). */
function phasesOf(timings) {
  return Object.fromEntries(
    STARTS.map(({ key }) => [key, Object.fromEntries(PHASES.map((phase) => [phase, cell(timings.map((t) => t[key][phase]), [], timings.length)]))]),
  );
}

export { APPS };
