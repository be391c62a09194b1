/**
 * The run loop shared by the figures: every run visits every shell (in an
 * order rotated from run to run, so drift over time does not favour one
 * shell) with a fresh host page, under a per-measurement time limit. A shell
 * whose first run fails is not tried again for that figure.
 */
import { openShell } from '../shells.mjs';
import { reason, withTimeout } from '../timeout.mjs';

/**
 * Runs `measure` for every shell `runs` times (default `ctx.runs`).
 * @template T
 * @param {import('../../run.mjs').Context} ctx
 * @param {string} figure Names the figure in progress lines and in `ctx.timeouts`.
 * @param {(page: import('../shells.mjs').ShellPage, shell: string) => Promise<T>} measure
 * @param {{ runs?: number, label?: string, shells?: string[] }} [options] `label` names the
 *   measurement in progress lines (default: `figure`); `shells` limits it to some shells.
 * @returns {Promise<Record<string, (T | Error)[]>>} Per shell, one result or Error per attempted run.
 */
export async function eachRun(ctx, figure, measure, { runs = ctx.runs, label = figure, shells = ctx.shells } = {}) {
  const results = Object.fromEntries(shells.map((shell) => [shell, []]));
  for (let run = 0; run < runs; run++) {
    const order = shells.map((_, i) => shells[(i + run) % shells.length]);
    for (const shell of order) {
      if (results[shell][0] instanceof Error) continue;
      const result = await attempt(ctx, figure, shell, measure);
      results[shell].push(result);
      const summary = result instanceof Error ? `failed: ${reason(result)}` : brief(result);
      ctx.log(`[${label} ${run + 1}/${runs}] ${shell}: ${summary}`);
    }
  }
  return results;
}

/** One measurement on a fresh page, closed afterwards whatever happens. */
async function attempt(ctx, figure, shell, measure) {
  let page;
  const work = (async () => {
    page = await openShell(ctx.browser, ctx.hostUrl, shell, undefined, ctx.channel);
    try {
      return await measure(page, shell);
    } finally {
      count(ctx, shell, page.received);
    }
  })();
  try {
    return await withTimeout(work, ctx.timeouts[figure], `${figure}, ${shell}`);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    // On a timeout the page may open later: close it whenever it exists.
    await page?.close();
    work.then(() => page?.close(), () => page?.close());
  }
}

/**
 * One throwaway mount of each bench app (native, then iframe), so the first
 * measured page does not pay for the browser's own start-up. Never throws.
 * @param {import('../../run.mjs').Context} ctx
 * @returns {Promise<void>}
 */
export async function warmUp(ctx) {
  for (const [shell, app, key] of [['native', 'bench-react', 'firstRender'], ['iframe', 'bench-loops', 'loops']]) {
    const result = await attempt({ ...ctx, timeouts: { 'warm-up': ctx.timeouts.step } }, 'warm-up', shell, async (page) => {
      await page.mount({ name: app, url: `${ctx.appsUrl}/fixtures/${app}/` });
      return page.next(key, ctx.timeouts.step);
    });
    if (result instanceof Error) ctx.log(`warm-up (${shell}) failed: ${reason(result)}`);
  }
}

/** Adds one page's reports to `ctx.received` (per channel, and the shells that used the console). */
function count(ctx, shell, received) {
  if (!ctx.received) return;
  ctx.received.binding += received.binding;
  ctx.received.console += received.console;
  if (received.console) ctx.received.consoleShells.add(shell);
}

function brief(result) {
  const round = (value) =>
    typeof value === 'number'
      ? Math.round(value * 10) / 10
      : Array.isArray(value)
        ? value.length > 6 ? `[${value.length} values]` : value.map(round).join('/')
        : value instanceof Error ? 'error' : value;
  if (typeof result !== 'object' || result === null) return String(round(result));
  // Nested details (Portico's mountTiming) and absent ones stay out of the progress line.
  return Object.entries(result)
    .filter(([, value]) => value !== undefined && (typeof value !== 'object' || Array.isArray(value) || value === null))
    .map(([key, value]) => `${key} ${round(value)}`)
    .join(', ');
}
