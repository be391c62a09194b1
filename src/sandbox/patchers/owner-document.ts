import type { Patcher } from '../types.js';
import { markPorticoOwn } from '../host-guard.js';
import { lookNative } from './native-class.js';
import { wrapCreateElement } from './wrap-create-element.js';

/**
 * `node.ownerDocument` of a node inside an app's tree answers the app's own
 * document instead of the host's.
 *
 * Why a prototype patch: frameworks reach the document through their nodes,
 * not through the global. React 17+ does
 * `container.ownerDocument.addEventListener('selectionchange', …)` once per
 * React copy and never removes it, and creates every element with
 * `ownerDocument.createElement`; jQuery reads
 * `elem.ownerDocument.defaultView.getComputedStyle`. Without this, each
 * mounted React app leaves a listener (holding the whole app) on the host
 * document. No sandbox-local view reaches those nodes, so this is the one
 * getter Portico replaces on a host prototype (`Node.prototype`), and only
 * while at least one app is mounted.
 *
 * Elements an app creates answer its document even while detached, as
 * they would standalone (React's `createRoot` on a fresh `<div>`).
 *
 * What the host sees is unchanged: for any node whose root is the host
 * document, or a detached node the host made, or a node in a shadow root
 * that is not an app's, the getter returns exactly what the native one does.
 */
const appDocuments = new Map<Node, Document>();
/**
 * Elements and fragments the app made with its document, to a token of the
 * app: while detached (React 18/19 `createRoot` on a fresh `<div>`, as antd's
 * `message` does) their root is themselves, not the app's tree, yet
 * standalone their `ownerDocument` is the app's. The token, not the
 * document, so a node the host keeps holds nothing of a torn-down app.
 */
const created = new WeakMap<Node, object>();
const tokens = new Map<object, Document>();
let native: PropertyDescriptor | undefined;

export const patchOwnerDocument: Patcher = (target) => {
  const token = {};
  const register = () => {
    if (appDocuments.size === 0) install();
    appDocuments.set(target.tree.root, target.document);
    tokens.set(token, target.document);
  };
  const unregister = () => {
    appDocuments.delete(target.tree.root);
    tokens.delete(token);
    if (appDocuments.size === 0) uninstall();
  };
  register();
  const unwrap = wrapCreateElement(target, (el) => created.set(el, token));
  // antd 5 renders its global `message` holder into `document.createDocumentFragment()` with `createRoot`.
  const real = document;
  for (const name of ['createDocumentFragment', 'createElementNS'] as const) {
    const make = real[name] as (...args: unknown[]) => Node;
    target.overrides.document.set(name, lookNative({
      [name](...args: unknown[]) {
        const node = make.apply(real, args);
        created.set(node, token);
        return node;
      },
    }[name]!, name, make.length));
  }
  // A parked app's tree is out of the page: it needs no getter, and with no app mounted the host's is native again.
  return Object.assign(
    () => {
      unwrap();
      target.overrides.document.delete('createDocumentFragment');
      target.overrides.document.delete('createElementNS');
      unregister();
    },
    { suspend: unregister, resume: register },
  );
};

function install(): void {
  native = Object.getOwnPropertyDescriptor(Node.prototype, 'ownerDocument')!;
  const get = native.get!;
  Object.defineProperty(Node.prototype, 'ownerDocument', {
    ...native,
    get: markPorticoOwn(function (this: Node) {
      const doc = get.call(this) as Document | null;
      // Walk out through nested shadow roots (web components inside an app) to the app's root.
      for (let root = this.getRootNode(); root !== doc; ) {
        const app = appDocuments.get(root) ?? tokens.get(created.get(root)!);
        if (app) return app;
        if (!(root instanceof ShadowRoot)) break;
        root = root.host.getRootNode();
      }
      return doc;
    }),
  });
}

function uninstall(): void {
  if (native) Object.defineProperty(Node.prototype, 'ownerDocument', native);
  native = undefined;
}
