/**
 * Sandbox-cost figure: the bench-loops sub-app (demo/fixtures/bench-loops/)
 * times four 300,000-iteration loops inside itself and reports them. One fresh
 * page per shell per run.
 */
import { cell } from '../stats.mjs';
import { reason } from '../timeout.mjs';
import { eachRun } from './runs.mjs';

/** The loops, in report order: key in the app's message, and label. */
export const LOOPS = [
  { key: 'builtins', label: '(a) builtins only: `Math.max`, `Array.isArray`' },
  { key: 'windowProp', label: '(b) `window.x = window.x + 1`' },
  { key: 'topLevelVar', label: '(c) top-level `var`: `counter = counter + 1`' },
  { key: 'dom', label: '(d) `document.getElementById` + `document.createElement`' },
];

/**
 * Runs the figure.
 * @param {import('../../run.mjs').Context} ctx
 * @returns {Promise<Record<string, Record<string, import('../stats.mjs').Cell>>>} shell → loop key → cell (ms).
 */
export async function sandboxFigure(ctx) {
  const app = { name: 'bench-loops', url: `${ctx.appsUrl}/fixtures/bench-loops/` };
  const runs = await eachRun(ctx, 'sandbox', async (page) => {
    await page.mount(app);
    const { loops, checks } = await page.next('loops', ctx.timeouts.step);
    // A loop whose result is wrong measured something else: report it as failed.
    return Object.fromEntries(LOOPS.map(({ key }) => [key, checks[key] ? loops[key] : new Error(`wrong result in loop ${key}`)]));
  });
  const byShell = {};
  for (const [shell, results] of Object.entries(runs)) {
    byShell[shell] = Object.fromEntries(LOOPS.map(({ key }) => [key, fold(results, key, ctx.runs)]));
  }
  return byShell;
}

/** Folds one loop's values across runs (each an Error, or an object of values and Errors) into a cell. */
function fold(results, key, runs) {
  const values = [];
  const errors = [];
  for (const result of results) {
    const value = result instanceof Error ? result : result[key];
    if (value instanceof Error) errors.push(reason(value));
    else values.push(value);
  }
  return cell(values, errors, runs);
}
