/**
 * Figure 2, real app start-up: the React demo app through
 * demo/fixtures/bench-react/ (the same build plus a first-render probe). Cold:
 * the first mount in a fresh page; warm: a second mount in the same page after
 * unmounting the first. Time runs from mount start (in the host page) to the
 * probe seeing "Clicked 0 times", both as timeOrigin + now.
 */
import { cell } from '../stats.mjs';
import { reason, sleep } from '../timeout.mjs';
import { eachRun } from './runs.mjs';

/** The start-up rows: key and label. */
export const STARTS = [
  { key: 'cold', label: 'cold: first mount in a fresh page' },
  { key: 'warm', label: 'warm: second mount, same page, after unmount' },
];

/**
 * Runs figure 2.
 * @param {import('../../run.mjs').Context} ctx
 * @returns {Promise<Record<string, Record<string, import('../stats.mjs').Cell>>>} shell → cold|warm → cell (ms).
 */
export async function startupFigure(ctx) {
  const app = { name: 'bench-react', url: `${ctx.appsUrl}/fixtures/bench-react/` };
  const timeToRender = async (page) => {
    const start = await page.mount(app);
    return (await page.next('firstRender', ctx.timeouts.step)).firstRender - start;
  };
  const runs = await eachRun(ctx, 'startup', async (page) => {
    await sleep(ctx.settleMs);
    const cold = await timeToRender(page);
    await page.unmount();
    await sleep(ctx.settleMs);
    return { cold, warm: await timeToRender(page) };
  });
  const byShell = {};
  for (const [shell, results] of Object.entries(runs)) {
    const errors = results.filter((r) => r instanceof Error).map(reason);
    const ok = results.filter((r) => !(r instanceof Error));
    byShell[shell] = Object.fromEntries(STARTS.map(({ key }) => [key, cell(ok.map((r) => r[key]), errors, ctx.runs)]));
  }
  return byShell;
}
