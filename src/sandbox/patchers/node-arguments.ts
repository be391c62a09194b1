import { markPorticoOwn } from '../host-guard.js';
import { isAppView, toNative } from '../app-views.js';
import type { Patcher } from '../types.js';

/** Node methods that take another Node, and that an app may call on one of its nodes with its own `document`. */
const METHODS = ['contains', 'compareDocumentPosition', 'isSameNode', 'isEqualNode'] as const;

let mounted = 0;
let natives: Partial<Record<(typeof METHODS)[number], PropertyDescriptor>> = {};

/**
 * `appNode.contains(document)`, `appNode.compareDocumentPosition(document)`,
 * `isSameNode`, `isEqualNode`: the app's nodes are the browser's own, so
 * these are `Node.prototype`'s methods, and handed the app's `document`
 * (Portico's object, see app-views.ts) they would throw "parameter 1 is not
 * of type 'Node'". No sandbox-local view reaches a real node's methods, so,
 * like the `ownerDocument` getter (owner-document.ts), these four are
 * replaced on `Node.prototype` while at least one app is mounted (not
 * parked), and put back after the last.
 *
 * What the host sees is unchanged: an argument that is not an app's window
 * or document is passed to the native method as it is, with the same
 * receiver; an app's document is passed as the app's tree (its shadow root),
 * so `appNode.compareDocumentPosition(document)` says "contained by
 * document", as standalone.
 */
export const patchNodeArguments: Patcher = () => {
  let on = false;
  const enter = () => {
    if (on) return;
    on = true;
    if (mounted++ === 0) install();
  };
  const leave = () => {
    if (!on) return;
    on = false;
    if (--mounted === 0) uninstall();
  };
  enter();
  return Object.assign(leave, { suspend: leave, resume: enter });
};

function install(): void {
  for (const name of METHODS) {
    const native = Object.getOwnPropertyDescriptor(Node.prototype, name)!;
    natives[name] = native;
    const method = native.value as (this: Node, other: unknown) => unknown;
    const swapping = {
      [name](this: Node, other: unknown) {
        return method.call(this, isAppView(other) ? toNative(other) : other);
      },
    }[name]!;
    Object.defineProperty(swapping, 'length', { value: method.length });
    Object.defineProperty(Node.prototype, name, { ...native, value: markPorticoOwn(swapping) });
  }
}

function uninstall(): void {
  for (const [name, native] of Object.entries(natives)) Object.defineProperty(Node.prototype, name, native);
  natives = {};
}
