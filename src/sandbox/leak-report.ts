import type { Released } from './types.js';

/**
 * What an app had left running when it was torn down, and what of it could
 * not be released. Portico releases everything it records (timers, listeners,
 * observers, channels, workers, requests, globals), so `released` says what
 * the app would have leaked in a shell without a sandbox, and `leftBehind`
 * what is still in the page after teardown: it should be empty.
 */
export interface LeakReport {
  /** The app's name. */
  readonly app: string;
  /** Effects the app still had at unmount, by kind, all released by Portico. */
  readonly released: Readonly<Record<string, number>>;
  /** Effects still present after teardown, by kind: nodes the app put outside its root, and so on. */
  readonly leftBehind: Readonly<Record<string, number>>;
  /**
   * The app was parked rather than torn down (an app with lifecycles under
   * `<micro-app park>`): `released` is what it started while mounted;
   * its sandbox and what its scripts set up when they ran are kept for the
   * next mount, until the app is evicted or released.
   */
  readonly parked?: boolean;
}

/** Adds up what each disposer released (kinds with a zero count are dropped). */
export function sumReleased(parts: ReadonlyArray<Released | void>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const part of parts) {
    for (const [kind, count] of Object.entries(part ?? {})) {
      // `leftBehind:<kind>` entries are what a disposer found and could not release (see sandbox.ts).
      if (count && !kind.startsWith('leftBehind:')) total[kind] = (total[kind] ?? 0) + count;
    }
  }
  return total;
}

/** True when nothing of the app is left in the page. */
export function isClean(report: LeakReport): boolean {
  return Object.values(report.leftBehind).every((count) => !count);
}
