/**
 * Browser-side helpers shared by the shell adapters. Every adapter module
 * exports `mount({ name, url })`, which starts one mount and returns its start
 * time, and `unmount()`, which tears the last mount down; `setup()` is
 * optional and runs once when the host page loads.
 */

/** Absolute high-resolution time: comparable across the host page and its iframes. */
export const now = () => performance.timeOrigin + performance.now();

/** Sends a result or failure to the harness (node reads console lines starting with "BENCH "). */
export function report(data) {
  console.log('BENCH ' + JSON.stringify(data));
}

/** Reports a shell's failure to mount as `{ error }`, which fails the waiting measurement at once. */
export function reportError(shell, error) {
  const message = error && (error.message || error.detail?.error?.message || String(error));
  report({ error: `${shell}: ${message || 'unknown error'}` });
}

/** The host page's container for sub-apps. */
export const stage = () => document.getElementById('stage');

/** Resolves when `target` fires `type`, or after `ms` (false), whichever comes first. */
export function once(target, type, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    target.addEventListener(type, () => { clearTimeout(timer); resolve(true); }, { once: true });
  });
}
