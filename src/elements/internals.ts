import type { RunningApp } from './start-app.js';

/** What tests may see of an element that the page may not: its closed root and running app. */
export interface ElementInternalsView {
  /** The running app's own root (its tree), or the element's root when no app runs. */
  root: ShadowRoot;
  /** The element's own root: the loading and error slots, and the app's carrier. */
  shell: ShadowRoot;
  app: RunningApp | undefined;
}

const views = new WeakMap<Element, () => ElementInternalsView>();

/** Called by the element's constructor; the map is module-private, so the root stays closed to the page. */
export function registerInternals(element: Element, view: () => ElementInternalsView): void {
  views.set(element, view);
}

/** Test-only accessor (exported from `src/elements/testing.ts`, which is not in the package's exports). */
export function internalsOf(element: Element): ElementInternalsView {
  const view = views.get(element);
  if (!view) throw new Error('[portico] not a <micro-app> element');
  return view();
}
