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
 * An element qualifies when it is `position: fixed`, or `position: absolute`
 * and added at run time, and either
 * - is a child of the app's `<body>`, or
 * - sits, through `position: static` ancestors only, in a *portal
 *   container*: a child of `<body>` added at run time whose own box is empty
 *   (zero height: all it holds is out of flow). Libraries append one `<div>`
 *   to body and render their popups into it: Element Plus's
 *   `#el-popper-container-*` (select dropdowns, tooltips), React portals
 *   (antd's Select, Dropdown, Modal, message, notification).
 * Standalone, such an element is placed against the viewport or the initial
 * containing block; in the top layer it is again. It becomes a manual
 * popover, shown at once and kept open: it stays where it is in the app's
 * tree, so the app's CSS, its event handlers and `contains()` checks work as
 * before; visibility is still the app's own `display`. The UA's popover
 * styles are neutralised at zero specificity, and lifted elements are
 * re-stacked by `z-index` (a backdrop stays under its modal, a select's
 * dropdown over the dialog it is in). Note that lifted overlays stack above
 * everything of the host page too.
 */
export const patchPopupLayer: Patcher = (target) => {
  const { root, body } = target.tree;
  const original = new Set(body.children);
  /** Lifted elements, in the order they were lifted. */
  const lifted = new Set<HTMLElement>();
  /** The lifted elements as last shown, bottom to top. */
  let stack: HTMLElement[] = [];
  const position = (el: Element) => getComputedStyle(el).position;
  const z = (el: Element) => Number.parseInt(getComputedStyle(el).zIndex, 10) || 0;

  const lift = (el: HTMLElement) => {
    // The sheet goes in with the first lifted element: most apps never lift one, and each sheet a root adopts costs a style pass.
    if (!root.adoptedStyleSheets.includes(layerSheet())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, layerSheet()];
    el.setAttribute(LAYER, '');
    el.popover = 'manual';
    lifted.add(el);
  };

  /**
   * Run-time children of body seen with in-flow content (an app root created by script): never taken
   * for portal containers again, so the app's own mutations cost no layout reads.
   */
  const content = new WeakSet<Element>();

  /** Looks at a child of body, and into it when it is a portal container. */
  const scan = (child: Element) => {
    if (!(child instanceof HTMLElement) || child.parentNode !== body || lifted.has(child) || content.has(child)) return;
    const at = position(child);
    if (at === 'fixed' || (at === 'absolute' && !original.has(child))) lift(child);
    else if (at !== 'static' || original.has(child)) return;
    else if (child.getBoundingClientRect().height === 0) scanContainer(child);
    else content.add(child);
  };
  const scanContainer = (container: Element) => {
    for (const el of container.children) {
      if (!(el instanceof HTMLElement) || lifted.has(el)) continue;
      const at = position(el);
      if (at === 'fixed' || at === 'absolute') lift(el);
      else if (at === 'static') scanContainer(el);
    }
  };

  /** The child of body a mutated node belongs to; none when it is inside a lifted element (its content). */
  const childOfBody = (node: Node): Element | undefined => {
    for (let n: Node | null = node; n && n !== body; n = n.parentNode) {
      if (lifted.has(n as HTMLElement)) return undefined;
      if (n.parentNode === body) return n as Element;
    }
    return undefined;
  };

  /** Shows the lifted elements in `z-index` order; only those above the first out-of-place one are re-shown. */
  const restack = () => {
    for (const el of lifted) if (!el.isConnected) lifted.delete(el);
    const order = [...lifted].sort((a, b) => z(a) - z(b));
    let same = 0;
    while (same < order.length && order[same] === stack[same] && order[same].matches(':popover-open')) same++;
    stack = order;
    if (same === order.length) return;
    // Re-showing runs the popover focusing steps (an `autofocus` inside would take focus): keep the app's focus.
    const focused = root.activeElement as HTMLElement | null;
    for (const el of order.slice(same)) if (el.matches(':popover-open')) el.hidePopover();
    for (const el of order.slice(same)) if (el.popover === 'manual') el.showPopover();
    if (focused?.isConnected && root.activeElement !== focused) focused.focus({ preventScroll: true });
  };

  /**
   * Lifts the `position: fixed` elements deep in the app's own tree that a lifted overlay would cover
   * though they are above it in the app: a Bootstrap modal inside the app's container over its backdrop
   * (appended to body, so lifted). Standalone, the higher `z-index` wins; in the top layer it does again.
   */
  const liftCovered = (candidates: Iterable<Element>) => {
    let floor = Infinity;
    for (const el of lifted) if (el.isConnected && el.checkVisibility()) floor = Math.min(floor, z(el));
    if (floor === Infinity) return;
    for (const el of candidates) {
      if (!(el instanceof HTMLElement) || lifted.has(el) || !el.isConnected || position(el) !== 'fixed' || z(el) <= floor) continue;
      if (!el.parentElement?.closest(`[${LAYER}]`) && !placedByAncestor(el, body)) lift(el);
    }
  };

  // New nodes anywhere under <body>, and class/style changes (a modal gaining `.show`, a z-index). Changes
  // deep inside the app's own tree (an original child, an app root made by script) or inside a lifted
  // element (a popup's content) cost no style or layout reads, except while an overlay is lifted: then
  // the elements they touch are candidates for liftCovered.
  const observer = new MutationObserver((records) => {
    const touched = new Set<Element>();
    const deep = new Set<Element>();
    let dirty = false;
    for (const record of records) {
      if (record.target === body) {
        for (const node of record.addedNodes) if (node instanceof Element) touched.add(node);
        dirty = true;
      } else if (lifted.has(record.target as HTMLElement)) {
        dirty = true;
      } else {
        const child = childOfBody(record.target);
        if (!child) continue;
        // Nodes added into an app root (its render) or anything deeper: the root's own position is as it was.
        if ((child !== record.target || record.type === 'childList') && (original.has(child) || content.has(child))) {
          if (!lifted.size) continue;
          if (record.type === 'attributes') deep.add(record.target as Element);
          else for (const node of record.addedNodes) if (node instanceof Element) deep.add(node);
          continue;
        }
        touched.add(child);
        // Popups moved within a portal container (re-inserted ones are no longer shown).
        dirty ||= record.type === 'childList';
      }
    }
    const before = lifted.size;
    for (const child of touched) scan(child);
    // A new overlay: look once through the whole app for what it must not cover.
    if (lifted.size !== before) liftCovered(body.querySelectorAll('*'));
    else if (deep.size) liftCovered(deep);
    if (dirty || lifted.size !== before) restack();
  });
  const watch = () => observer.observe(body, { childList: true, attributes: true, attributeFilter: ['class', 'style'], subtree: true });
  watch();
  // The first look at the markup's own children waits a frame: reading their styles now would force a
  // style pass while the app's stylesheets are still loading and its scripts have not run.
  let frame = 0;
  const look = () => {
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const el of body.children) scan(el);
      restack();
    });
  };
  look();
  const hideAll = () => {
    for (const el of lifted) if (el.matches(':popover-open')) el.hidePopover();
    stack = [];
  };

  return Object.assign(
    () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      hideAll();
      if (sheet && root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    },
    {
      // Parked: no frame pending, no observer, nothing in the top layer; back, it looks again.
      suspend() {
        cancelAnimationFrame(frame);
        frame = 0;
        observer.disconnect();
        hideAll();
      },
      resume() {
        watch();
        look();
      },
    },
  );
};

/**
 * Whether an ancestor inside the app makes a fixed element's containing block (a transform, filter,
 * perspective, contain or will-change): standalone it is placed against that ancestor, not the viewport,
 * so it stays where it is. https://developer.mozilla.org/docs/Web/CSS/position#fixed_positioning
 */
function placedByAncestor(el: Element, body: Element): boolean {
  for (let a = el.parentElement; a && a !== body; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.transform !== 'none' || s.filter !== 'none' || s.perspective !== 'none' || /paint|layout|strict|content/.test(s.contain) || /transform|filter|perspective/.test(s.willChange)) return true;
  }
  return false;
}

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
