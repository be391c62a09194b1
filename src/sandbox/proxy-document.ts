import { bindNative } from './bind-native.js';
import { lookNative } from './patchers/native-class.js';
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
  let own: Record<PropertyKey, unknown>;

  const fallback = new Proxy(Object.create(null) as object, {
    get(_, key) {
      if (overrides.document.has(key)) return readOverride(overrides.document.get(key));
      const value = Reflect.get(real, key);
      return key in Object.prototype ? value : bindNative(value, real);
    },
    set(_, key, value, receiver) {
      if (overrides.document.has(key)) {
        writeOverride(overrides.document, key, value);
        return true;
      }
      // Handler properties the patchers do not own (`onreadystatechange`) stay with the app, like `title`.
      const local = LOCAL_WRITES.has(key) || (typeof key === 'string' && key.startsWith('on'));
      if (!local && key in real) return Reflect.set(real, key, value);
      return Reflect.defineProperty(receiver, key, { value, writable: true, enumerable: true, configurable: true });
    },
    has: (_, key) => overrides.document.has(key) || key in real,
    getOwnPropertyDescriptor: () => undefined,
    defineProperty: () => false,
    getPrototypeOf: () => Reflect.getPrototypeOf(real),
  });
  own = Object.create(fallback) as Record<PropertyKey, unknown>;

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
  };
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(own, name, { get, configurable: true });
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(own, name, { value: lookNative(fn, name), configurable: true, writable: true });
  }
  return { proxy: own as unknown as Document, own };
}
