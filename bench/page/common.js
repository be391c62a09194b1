/**
 * Browser-side helpers shared by the shell adapters. Every adapter module
 * exports `mount({ name, url, lifecycles })`, which starts one mount and
 * returns its start time, and `unmount(name)`, which tears that mount down (the
 * last one when `name` is omitted); `setup()` is optional and runs once when the
 * host page loads. Several mounts (distinct names) may be live at once.
 * `lifecycles` says whether the app exports bootstrap/mount/unmount, for the
 * shells whose users mount such apps differently (qiankun, wujie).
 */

/** Absolute high-resolution time: comparable across the host page and its iframes. */
export const now = () => performance.timeOrigin + performance.now();

/**
 * Sends a result or failure to the harness: as JSON through the `__benchReport`
 * binding (bench/lib/browser.mjs), else as a console line starting with "BENCH ".
 */
export function report(data) {
  if (typeof window.__benchReport === 'function') window.__benchReport(JSON.stringify(data));
  else console.log('BENCH ' + JSON.stringify(data));
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

/**
 * The live mounts of one adapter, by name, remembering the last one mounted.
 * @template T
 */
export class Mounts {
  /** @type {Map<string, T>} */
  map = new Map();
  last = null;

  add(name, value) {
    this.map.set(name, value);
    this.last = name;
  }

  /** Removes and returns the mount called `name` (default: the last one), or undefined. */
  take(name = this.last) {
    const value = this.map.get(name);
    this.map.delete(name);
    if (name === this.last) this.last = [...this.map.keys()].at(-1) ?? null;
    return value;
  }
}

/**
 * Mounts an app as a custom element (Portico's and micro-app's way): creates
 * `<tag>` with `attributes`, reports its `errorType` events as the shell's
 * failure (`errorOf` digs the error out of the event), records it in `mounts`
 * under `name` and inserts it into the stage. Resolves with the start time.
 * @param {Mounts<Element>} mounts
 * @param {{ shell: string, tag: string, name: string, attributes: Record<string, string>, errorType: string, errorOf: (event: any) => unknown }} options
 */
export function mountElement(mounts, { shell, tag, name, attributes, errorType, errorOf }) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  el.addEventListener(errorType, (event) => reportError(shell, errorOf(event)));
  mounts.add(name, el);
  const t0 = now();
  stage().append(el);
  return t0;
}

/** Removes the element mounted as `name` (default: the last one) and waits for its `doneType` event, at most `ms`. */
export async function unmountElement(mounts, name, doneType, ms) {
  const el = mounts.take(name);
  if (!el) return;
  const done = once(el, doneType, ms);
  el.remove();
  await done;
}
