import type { Patcher } from '../types.js';

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
 * What the host sees is unchanged: for any node whose root is the host
 * document, or a detached node, or a node in a shadow root that is not an
 * app's, the getter returns exactly what the native one does.
 */
const appDocuments = new Map<Node, Document>();
let native: PropertyDescriptor | undefined;

export const patchOwnerDocument: Patcher = (target) => {
  if (appDocuments.size === 0) install();
  appDocuments.set(target.tree.root, target.document);
  return () => {
    appDocuments.delete(target.tree.root);
    if (appDocuments.size === 0) uninstall();
  };
};

function install(): void {
  native = Object.getOwnPropertyDescriptor(Node.prototype, 'ownerDocument')!;
  const get = native.get!;
  Object.defineProperty(Node.prototype, 'ownerDocument', {
    ...native,
    get(this: Node) {
      const doc = get.call(this) as Document | null;
      // Walk out through nested shadow roots (web components inside an app) to the app's root.
      for (let root = this.getRootNode(); root !== doc; ) {
        const app = appDocuments.get(root);
        if (app) return app;
        if (!(root instanceof ShadowRoot)) break;
        root = root.host.getRootNode();
      }
      return doc;
    },
  });
}

function uninstall(): void {
  if (native) Object.defineProperty(Node.prototype, 'ownerDocument', native);
  native = undefined;
}
