import type { PorticoError } from '../errors.js';
import { lifecycle, type AppHost, type RunningApp } from './start-app.js';
import { callUnmount, stopApp } from './stop-app.js';

/**
 * Parked apps, for `<micro-app park>` (opt-in; without it every unmount is a
 * full teardown): apps with lifecycles whose `unmount()` ran, kept with
 * their sandbox, scripts' state and tree so the next mount only calls
 * `mount()` again, the way qiankun reuses a loaded app and micro-app its
 * UMD-mode apps. A remount then costs what the app's `mount()` costs, not a
 * reload.
 *
 * Parking keeps what the app's scripts set up when they ran (their globals,
 * and the timers and listeners they started then) and releases what it
 * started while mounted (timers, `window`/`document` listeners) beyond what
 * its own `unmount()` cleaned. A parked app is dormant: its tree leaves the
 * page, and the sandbox is suspended (see Sandbox.suspend), so its remaining
 * listeners and timers are off the page, messages and responses for it wait,
 * and Portico keeps no listener of its own for it; all of it comes back
 * before its next `mount()`. An app is parked under its name, src, route and
 * router mode; at most {@link setParkingLimit} apps are (the least recently
 * parked is torn down first), and {@link releaseParkedApps} tears them all
 * down. `destroy` and `reload()` never park.
 */
const parked = new Map<string, RunningApp>();
let limit = 10;

/** Messages from a parked app go nowhere: it has no element. */
const DETACHED: AppHost = { send: () => undefined };

/** Whether `app` can be parked: it mounted through lifecycles that can undo themselves. */
export function canPark(app: RunningApp): boolean {
  return !!app.lifecycles?.mount && !!app.lifecycles.unmount && app.mountedAt !== undefined;
}

/**
 * Unmounts a mounted lifecycle app and parks it under `key`. If its
 * `unmount()` fails, it is torn down instead and the error returned, as
 * {@link stopApp} would.
 */
export async function parkApp(key: string, app: RunningApp, timeout: number): Promise<PorticoError | undefined> {
  const error = await callUnmount(app, timeout);
  if (error) {
    await stopApp(app, { callUnmount: false, timeout });
    return error;
  }
  app.report = { ...app.sandbox.releaseSince(app.mountedAt ?? 0), parked: true };
  app.channel.unmounted();
  // Dormant: what is left of it (its scripts' listeners and timers, Portico's hooks for it) goes off the page.
  app.sandbox.suspend();
  app.carrier.remove();
  app.host = DETACHED;
  const previous = parked.get(key);
  parked.delete(key);
  parked.set(key, app);
  if (previous) void stopApp(previous, { callUnmount: false, timeout });
  evict(timeout);
  return undefined;
}

/** Takes the app parked under `key` out of the pool, if there is one. */
export function takeParked(key: string): RunningApp | undefined {
  const app = parked.get(key);
  parked.delete(key);
  return app;
}

/**
 * Mounts a parked app again in `root` (its element's root): the app's own
 * root moves in, its messages and errors go to the new element, it gets the
 * new data, and its `mount()` runs. Rejects as `startApp` would when
 * `mount()` fails.
 */
export async function reviveApp(app: RunningApp, options: { root: ShadowRoot; host: AppHost; data: unknown; timeout: number }): Promise<void> {
  app.report = undefined;
  app.host = options.host;
  options.root.append(app.carrier);
  app.sandbox.resume();
  app.setData(options.data);
  app.mountedAt = app.sandbox.checkpoint();
  await lifecycle(app, 'mount', options.timeout);
}

/** Tears down every parked app (as an unmount without parking would have). Resolves with how many there were. */
export async function releaseParkedApps(): Promise<number> {
  const apps = [...parked.values()];
  parked.clear();
  await Promise.all(apps.map((app) => stopApp(app, { callUnmount: false, timeout: 0 })));
  return apps.length;
}

/**
 * How many apps may be parked at once (default 10; 0 turns parking off).
 * The least recently parked beyond it are torn down.
 */
export function setParkingLimit(count: number): void {
  limit = Math.max(0, Math.floor(count));
  evict(0);
}

/** How many apps are parked now. */
export function parkedCount(): number {
  return parked.size;
}

function evict(timeout: number): void {
  for (const [key, app] of parked) {
    if (parked.size <= limit) break;
    parked.delete(key);
    void stopApp(app, { callUnmount: false, timeout });
  }
}
