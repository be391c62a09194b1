import type { Patcher } from '../types.js';

/**
 * `document.documentElement.clientWidth`/`clientHeight` mean "the viewport"
 * to most libraries: Bootstrap measures the scrollbar as
 * `innerWidth - documentElement.clientWidth` and pads its modal by that much;
 * popper and tooltip libraries clamp to it. The app's `<html>` is an element
 * in a box of the portal, so its own sizes would be the box's. These two
 * read the real viewport instead, as they would standalone; they are
 * per-instance properties of the app's own `<html>`, nothing of the host's.
 */
export const patchViewport: Patcher = (target) => {
  const html = target.tree.html;
  for (const name of ['clientWidth', 'clientHeight'] as const) {
    Object.defineProperty(html, name, { configurable: true, get: () => document.documentElement[name] });
  }
  return () => {
    Reflect.deleteProperty(html, 'clientWidth');
    Reflect.deleteProperty(html, 'clientHeight');
  };
};
