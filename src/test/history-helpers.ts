import type { MicroAppElement } from '../elements/micro-app.js';
import type { ElementInternalsView } from '../elements/internals.js';
import { until } from './helpers.js';

/**
 * Routing tests run in a tab of their own (src/test/fresh-tab.html, with
 * Portico loaded), not in the runner's page. The runner reuses one tab for
 * every test file, so its session history is full (Chrome keeps 50 entries)
 * long before these tests run, and at that point Chrome evicts the page's
 * own entries as it adds new ones: going back two steps could leave the test
 * page. A fresh tab's history holds only what the test put there.
 */
export interface Tab {
  /** The tab's window: its `location`, `history`, `document` and constructors. */
  readonly win: Window & typeof globalThis & Record<string, any>;
  /** Puts a `<micro-app>` with these attributes in the tab's body, without waiting. */
  place(attributes: Record<string, string>): MicroAppElement;
  /** Like {@link Tab.place}, then waits until the app is mounted (or failed). */
  mount(attributes: Record<string, string>): Promise<MicroAppElement>;
  /** The app's root and sandbox window, as `inside()` gives them in the runner's page. */
  inside(el: MicroAppElement): { root: ShadowRoot; window: (Window & Record<string, any>) | undefined };
  /** The tab's path, search and hash. */
  here(): string;
  /**
   * Runs `step` (a `history.back()`, `forward()` or `go()` in the tab) and
   * resolves after the browser's trusted `popstate`, not the untrusted one
   * Portico dispatches to tell host routers about its own writes.
   */
  traverse(step: () => void): Promise<void>;
  /** The key of the tab's current history entry: the same after a replace, new after a push. */
  entryKey(): string;
  close(): Promise<void>;
}

/** Opens a fresh tab with Portico loaded. */
export async function openTab(): Promise<Tab> {
  const win = window.open('/src/test/fresh-tab.html', '_blank') as Tab['win'] | null;
  if (!win) throw new Error('window.open was blocked');
  await until(() => win.porticoReady, 10_000, 'Portico in the fresh tab');
  const internals = win.internalsOf as (el: Element) => ElementInternalsView;
  const tab: Tab = {
    win,
    place(attributes) {
      const el = win.document.createElement('micro-app') as MicroAppElement;
      for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
      win.document.body.append(el);
      return el;
    },
    async mount(attributes) {
      const el = tab.place(attributes);
      await until(() => el.status === 'mounted' || el.status === 'error', 10_000, `${attributes.name} mounted`);
      return el;
    },
    inside(el) {
      const { root, app } = internals(el);
      return { root, window: app?.sandbox.window as (Window & Record<string, any>) | undefined };
    },
    here: () => win.location.pathname + win.location.search + win.location.hash,
    traverse(step) {
      const popped = new Promise<void>((resolve) => {
        const listener = (event: Event) => {
          if (!event.isTrusted) return;
          win.removeEventListener('popstate', listener);
          resolve();
        };
        win.addEventListener('popstate', listener);
      });
      step();
      return popped.then(() => new Promise((resolve) => setTimeout(resolve)));
    },
    entryKey: () => win.navigation.currentEntry?.key ?? '',
    async close() {
      for (const el of win.document.querySelectorAll('micro-app')) el.remove();
      // Let the apps' teardown run before the tab goes.
      await new Promise((resolve) => setTimeout(resolve, 50));
      win.close();
    },
  };
  return tab;
}
