/**
 * N-instances figure (dashboard widgets): `ctx.instances` (10) instances of one
 * app on one page, each a separate mount with a distinct name, started one
 * after the other in the page; time from the first mount start to the last of
 * their first renders. Against 1 instance in the same kind of fresh page; the
 * figure reports both and their ratio. Native runs every copy in the one realm
 * of the host page, where copies collide (same element ids, same globals), so
 * it gets the 1-instance row only.
 */
import { APPS, appOf } from '../apps.mjs';
import { cell, median } from '../stats.mjs';
import { reason, sleep } from '../timeout.mjs';
import { eachRun } from './runs.mjs';

/** The apps of this figure, in report order. */
export const INSTANCE_APPS = ['bench-blank', 'bench-vue'];

/** Why native has no N-instance cell. */
export const NATIVE_NA = 'n/a for several instances: native runs every copy in the one realm of the host page, where the copies would share `document` (each renders into `getElementById(…)`, which finds the first copy\'s element) and their globals';

/**
 * @typedef {{ one: import('../stats.mjs').Cell, many: import('../stats.mjs').Cell | { na: string }, ratio?: number }} InstancesCell
 */

/**
 * Runs the figure.
 * @param {import('../../run.mjs').Context} ctx
 * @returns {Promise<Record<string, Record<string, InstancesCell>>>} app → shell → cell.
 */
export async function instancesFigure(ctx) {
  const byApp = {};
  for (const id of INSTANCE_APPS) {
    const timeToRenders = (count) => async (page) => {
      await sleep(ctx.settleMs);
      const apps = Array.from({ length: count }, (_, i) => appOf(ctx, id, `${id}-${i + 1}`));
      const starts = await page.mountMany(apps);
      let last = -Infinity;
      for (let i = 0; i < count; i++) last = Math.max(last, (await page.next('firstRender', ctx.timeouts.step)).firstRender);
      await sleep(ctx.settleMs);
      const extra = page.drain('firstRender');
      if (extra) throw new Error(`${extra} first-render report(s) more than instances`);
      return last - starts[0];
    };
    const one = await eachRun(ctx, 'instances', timeToRenders(1), { label: `instances ${id} x1` });
    const many = await eachRun(ctx, 'instances', timeToRenders(ctx.instances), {
      label: `instances ${id} x${ctx.instances}`,
      shells: ctx.shells.filter((s) => s !== 'native'),
    });
    const fold = (results) => cell(results.filter((r) => !(r instanceof Error)), results.filter((r) => r instanceof Error).map(reason), results.length);
    byApp[id] = Object.fromEntries(
      ctx.shells.map((shell) => {
        const oneCell = fold(one[shell]);
        const manyCell = shell === 'native' ? { na: NATIVE_NA } : fold(many[shell]);
        const ratio = 'median' in oneCell && 'median' in manyCell ? manyCell.median / oneCell.median : undefined;
        return [shell, { one: oneCell, many: manyCell, ratio }];
      }),
    );
  }
  return byApp;
}

export { APPS, median };
