import { toNative } from './app-views.js';
import { lookNative } from './patchers/native-class.js';
import { createFallbackObject, defineOwn } from './fallback-proxy.js';
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
 * Builds the `document` an app sees. Its tree-facing members (`body`,
 * `head`, `documentElement`, `getElementById`, `querySelector*`,
 * `getElementsBy*`, `activeElement`, `contains`) answer from the app's own
 * tree in its shadow root; they are own members of an ordinary object, so
 * `document.getElementById(id)` costs one ordinary lookup. Everything else
 * (`createElement`, `cookie`, …) falls through a Proxy prototype to the patchers'
 * overrides, then to the host document, bound so it can be called unbound.
 */
export function createProxyDocument(
  real: Document,
  tree: AppTree,
  overrides: SandboxOverrides,
  window: () => Window,
): { proxy: Document; own: Record<PropertyKey, unknown> } {
  const { root, html, head, body } = tree;
  const own = createFallbackObject({
    real,
    overrides: overrides.document,
    claims: overrides.claims.document,
    write(key, value, receiver) {
      // Handler properties the patchers do not own (`onreadystatechange`) stay with the app, like `title`.
      const local = LOCAL_WRITES.has(key) || (typeof key === 'string' && key.startsWith('on'));
      return !local && key in real ? Reflect.set(real, key, value) : defineOwn(receiver, key, value);
    },
  });

  const getters: Record<string, () => unknown> = {
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
  };
  const methods: Record<string, Function> = {
    getElementById: (id: string) => root.getElementById(id),
    querySelector: (selectors: string) => root.querySelector(selectors),
    querySelectorAll: (selectors: string) => root.querySelectorAll(selectors),
    getElementsByTagName: (name: string) => html.getElementsByTagName(name),
    getElementsByTagNameNS: (ns: string | null, name: string) => html.getElementsByTagNameNS(ns, name),
    getElementsByClassName: (names: string) => html.getElementsByClassName(names),
    getElementsByName: (name: string) => root.querySelectorAll(`[name="${CSS.escape(name)}"]`),
    // Hit-testing and selection see the app's own nodes, not the <micro-app> host.
    elementFromPoint: (x: number, y: number) => root.elementFromPoint(x, y),
    elementsFromPoint: (x: number, y: number) => root.elementsFromPoint(x, y),
    getSelection: () => (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? real.getSelection(),
    // Click-outside checks (`document.contains(e.target)`) must see the app's nodes.
    contains: (node: Node | null) => (node as unknown) === own || (!!node && (html.contains(node) || real.contains(node))),
    // The document as a node among the app's: its tree stands in for it (see app-views.ts).
    compareDocumentPosition: (other: Node) => root.compareDocumentPosition(toNative(other)),
    isSameNode: (other: Node | null) => (other as unknown) === own,
    isEqualNode: (other: Node | null) => (other as unknown) === own || (!!other && root.isEqualNode(toNative(other))),
    getRootNode: () => own,
  };
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(own, name, { get, configurable: true });
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(own, name, { value: lookNative(fn, name), configurable: true, writable: true });
  }
  return { proxy: own as unknown as Document, own };
}
