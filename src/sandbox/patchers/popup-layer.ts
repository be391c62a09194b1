import type { Patcher } from '../types.js';

/** Marks the elements Portico lifted into the top layer. */
const LAYER = 'data-portico-layer';

/**
 * Lifts the overlays an app puts on its `document.body` (Bootstrap modals
 * and backdrops, SweetAlert2, antd/Element Plus popups, toasts) into the
 * browser's top layer, so they show over the real viewport even when the
 * `<micro-app>` sits in a small box with `overflow: hidden` or a
 * `transform` (which would clip them, or make `position: fixed` relative to
 * the box). https://developer.mozilla.org/docs/Glossary/Top_layer
 *
 * An element qualifies when it is a child of the app's `<body>` and is
 * `position: fixed`, or `position: absolute` and was added at run time
 * (popup containers). It becomes a manual popover, shown at once and kept
 * open: it stays where it is in the app's tree, so the app's CSS, its event
 * handlers and `body.contains()` work as before; visibility is still the
 * app's own `display`. The UA's popover styles are neutralised at zero
 * specificity, and lifted elements are re-stacked by `z-index`, so a
 * backdrop stays under its modal. Note that lifted overlays stack above
 * everything of the host page too.
 */
export const patchPopupLayer: Patcher = (target) => {
  const { root, body } = target.tree;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, layerSheet()];
  const original = new Set(body.children);
  const lifted: HTMLElement[] = [];

  const consider = (el: Element) => {
    if (!(el instanceof HTMLElement) || el.parentNode !== body || lifted.includes(el) || !el.isConnected) return;
    const position = getComputedStyle(el).position;
    if (position !== 'fixed' && !(position === 'absolute' && !original.has(el))) return;
    el.setAttribute(LAYER, '');
    el.popover = 'manual';
    lifted.push(el);
    restack();
  };

  const restack = () => {
    const order = lifted.filter((el) => el.isConnected);
    lifted.splice(0, lifted.length, ...order);
    const z = (el: HTMLElement) => Number.parseInt(getComputedStyle(el).zIndex, 10) || 0;
    const sorted = [...order].sort((a, b) => z(a) - z(b));
    for (const el of sorted) if (el.matches(':popover-open')) el.hidePopover();
    for (const el of sorted) el.showPopover();
  };

  // New children of <body>, and class/style changes of its children (a modal gaining `.show`, a z-index).
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) if (node instanceof Element) consider(node);
      } else if ((record.target as Element).parentNode === body) {
        if (lifted.includes(record.target as HTMLElement)) restack();
        else consider(record.target as Element);
      }
    }
  });
  observer.observe(body, { childList: true, attributes: true, attributeFilter: ['class', 'style'], subtree: true });
  for (const el of body.children) consider(el);

  return () => {
    observer.disconnect();
    for (const el of lifted) if (el.matches(':popover-open')) el.hidePopover();
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== layerSheet());
  };
};

let sheet: CSSStyleSheet | undefined;

/** Undoes the UA popover look at zero specificity: the app's own rules for the element win. */
function layerSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `:where([${LAYER}]){margin:0;border:0;padding:0;background:none;color:inherit;overflow:visible;inset:auto;width:auto;height:auto;max-width:none;max-height:none}`,
    );
  }
  return sheet;
}
