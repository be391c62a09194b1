import type { Patcher } from '../types.js';

/**
 * `document.documentElement` means "the viewport" or "the page" to most
 * libraries, and the app's `<html>` is an element in a box of the portal, so
 * its own geometry would be the box's. These read the real document's
 * instead, as they would standalone; they are per-instance properties of the
 * app's own `<html>`, nothing of the host's.
 *
 * - `clientWidth`/`clientHeight`: Bootstrap measures the scrollbar as
 *   `innerWidth - documentElement.clientWidth` and pads its modal by that
 *   much; popper and tooltip libraries clamp to it.
 * - `getBoundingClientRect()`: the page origin. Popper.js and Floating UI
 *   place a popup whose containing block is the page (a dropdown appended to
 *   body, lifted into the top layer by the popup layer) at
 *   `reference.left - documentElement.getBoundingClientRect().left`; with the
 *   app's `<html>` that is off by the box's offset (Element Plus's select
 *   dropdown landed 50 px left of its select). The answer agrees with
 *   `window.scrollX/Y`, which are the page's too.
 */
export const patchViewport: Patcher = (target) => {
  const html = target.tree.html;
  for (const name of ['clientWidth', 'clientHeight'] as const) {
    Object.defineProperty(html, name, { configurable: true, get: () => document.documentElement[name] });
  }
  Object.defineProperty(html, 'getBoundingClientRect', {
    configurable: true,
    writable: true,
    value: function getBoundingClientRect() {
      return document.documentElement.getBoundingClientRect();
    },
  });
  return () => {
    for (const name of ['clientWidth', 'clientHeight', 'getBoundingClientRect']) Reflect.deleteProperty(html, name);
  };
};
