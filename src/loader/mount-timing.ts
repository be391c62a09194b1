/**
 * Where one mount of an app spent its time, in milliseconds: the element's
 * `mountTiming` after `micro-app-mounted`, for a portal's own monitoring and
 * for bench/'s phase breakdown. The steps run one after the other and add up
 * to `total`; `styles` is the time Portico spent processing the app's
 * stylesheets, which happens whenever a sheet arrives and is counted inside
 * the steps it fell in.
 */
export interface MountTiming {
  /** Fetching the entry HTML (near 0 when it came from the page's cache, see `entryCached`). */
  readonly entry: number;
  /** Whether the entry came from the page's cache (a remount, a second instance, `prefetch`). */
  readonly entryCached: boolean;
  /** Parsing the entry: DOMParser, URL rewriting, the script list. */
  readonly parse: number;
  /** Putting the parsed tree in the app's shadow root. */
  readonly tree: number;
  /** Creating the sandbox: proxy window and document, every patcher. */
  readonly sandbox: number;
  /** Running the app's scripts in order (waiting for their downloads included), up to `DOMContentLoaded`. */
  readonly scripts: number;
  /** Waiting for the app's stylesheets and images, then `load`; an app with lifecycles does not wait for images still loading (its `load` comes later). */
  readonly resources: number;
  /** The app's `bootstrap` and `mount`, if it has lifecycles. */
  readonly lifecycles: number;
  /** Processing stylesheets (`:root`, `rem`, `@font-face`), spread over the steps above. */
  readonly styles: number;
  /** From the start of the mount to the end of `mount`. */
  readonly total: number;
}

/** The steps of {@link MountTiming} that follow each other. */
export type MountStep = 'entry' | 'parse' | 'tree' | 'sandbox' | 'scripts' | 'resources' | 'lifecycles';

/** Records one mount's steps: `step(name)` ends the step of that name at the current time. */
export interface MountStopwatch {
  step(name: MountStep): void;
  /** Adds time spent on stylesheets (see {@link MountTiming.styles}). */
  styles(ms: number): void;
  cached(): void;
  result(): MountTiming;
}

/** Starts a stopwatch for one mount; `now` is `performance.now` unless a test hands another clock. */
export function startStopwatch(now: () => number = () => performance.now()): MountStopwatch {
  const start = now();
  let last = start;
  let styles = 0;
  let entryCached = false;
  const steps: Record<MountStep, number> = { entry: 0, parse: 0, tree: 0, sandbox: 0, scripts: 0, resources: 0, lifecycles: 0 };
  return {
    step(name) {
      const at = now();
      steps[name] += at - last;
      last = at;
    },
    styles(ms) {
      styles += ms;
    },
    cached() {
      entryCached = true;
    },
    result: () => ({ ...steps, entryCached, styles, total: last - start }),
  };
}
