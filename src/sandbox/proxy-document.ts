import { bindNative } from './bind-native.js';
import { readOverride, writeOverride } from './proxy-window.js';
import type { SandboxOverrides } from './types.js';

/** The app's own document tree, inside its closed shadow root. */
export interface AppTree {
  readonly root: ShadowRoot;
  readonly html: HTMLElement;
  readonly head: HTMLElement;
  readonly body: HTMLElement;
}

/** Properties the app keeps to itself instead of writing through to the host's document. */
const LOCAL_WRITES = new Set<PropertyKey>(['title']);

/**
 * Builds the `document` an app sees: a Proxy over the real document whose
 * tree-facing members (`body`, `head`, `documentElement`, `getElementById`,
 * `querySelector*`, `getElementsBy*`, `activeElement`, `contains`) answer from
 * the app's own tree in its shadow root, and whose other members (`createElement`,
 * `cookie`, …) are the host document's, bound so they can be called unbound.
 */
export function createProxyDocument(
  real: Document,
  tree: AppTree,
  overrides: SandboxOverrides,
  window: () => Window,
): { proxy: Document; own: Record<PropertyKey, unknown> } {
  const own: Record<PropertyKey, unknown> = Object.create(null);
  const { root, html, head, body } = tree;
  let proxy: Document;

  const scoped: Record<PropertyKey, () => unknown> = {
    documentElement: () => html,
    head: () => head,
    body: () => body,
    defaultView: () => window(),
    activeElement: () => root.activeElement ?? body,
    scrollingElement: () => html,
    forms: () => html.getElementsByTagName('form'),
    images: () => html.getElementsByTagName('img'),
    links: () => root.querySelectorAll('a[href], area[href]'),
    scripts: () => html.getElementsByTagName('script'),
    getElementById: () => (id: string) => root.getElementById(id),
    querySelector: () => (selectors: string) => root.querySelector(selectors),
    querySelectorAll: () => (selectors: string) => root.querySelectorAll(selectors),
    getElementsByTagName: () => (name: string) => html.getElementsByTagName(name),
    getElementsByTagNameNS: () => (ns: string | null, name: string) => html.getElementsByTagNameNS(ns, name),
    getElementsByClassName: () => (names: string) => html.getElementsByClassName(names),
    getElementsByName: () => (name: string) => root.querySelectorAll(`[name="${CSS.escape(name)}"]`),
    // Click-outside checks (`document.contains(e.target)`) must see the app's nodes.
    contains: () => (node: Node | null) => node === proxy || (!!node && (html.contains(node) || real.contains(node))),
  };

  proxy = new Proxy(own, {
    get(target, key) {
      if (overrides.document.has(key)) return readOverride(overrides.document.get(key));
      const scopedGetter = scoped[key];
      if (scopedGetter) return scopedGetter();
      if (Object.prototype.hasOwnProperty.call(target, key)) return target[key];
      return bindNative(Reflect.get(real, key), real);
    },
    set(target, key, value) {
      if (overrides.document.has(key)) {
        writeOverride(overrides.document, key, value);
        return true;
      }
      if (!LOCAL_WRITES.has(key) && key in real && !Object.prototype.hasOwnProperty.call(target, key)) {
        return Reflect.set(real, key, value);
      }
      target[key] = value;
      return true;
    },
    has: (target, key) => key in target || key in real,
    deleteProperty: (target, key) => Reflect.deleteProperty(target, key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real),
  }) as unknown as Document;
  return { proxy, own };
}
