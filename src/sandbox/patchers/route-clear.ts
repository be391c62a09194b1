import type { RouteLevel } from './route-level.js';
import { writePage } from './route-state.js';

/**
 * Takes an app's URL out of the page when the app goes away, as micro-app
 * does by default: a history-routing app that navigated to `/about` and is
 * then removed must not leave the page at `/about`, or the next element for
 * it starts on "about" instead of its home. (An iframe's URL goes with the
 * iframe.) `keep-router-state` on the element keeps it.
 *
 * The app's own writes are watched on its level: `home` is the page URL just
 * before the first write of a run of the app's writes (a write made after
 * someone else moved the page starts a new run), `last` the page URL after
 * the latest. `clear()` replaces the current entry with `home`, dropping the
 * app's state from it, only if the page is still at `last`: if the host, the
 * user (back, forward) or another app moved it since, the URL is theirs and
 * stays. The host's router hears the change as a `popstate`, as for any
 * write of Portico's (see route-state.ts).
 */
export function watchAppWrites(level: RouteLevel): { clear(): void } {
  let home: string | undefined;
  let last: string | undefined;
  const write = level.write;
  level.write = (kind, url, entry) => {
    const before = location.href;
    write(kind, url, entry);
    if (!level.active() || location.href === before) return;
    if (before !== last) home = before;
    last = location.href;
  };
  return {
    clear() {
      if (home === undefined || location.href !== last) return;
      writePage('replace', new URL(home), { [level.key]: null });
      home = last = undefined;
    },
  };
}
