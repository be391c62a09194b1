import type { PatchTarget } from '../types.js';
import { lookNative } from './native-class.js';

/** A step that sees every element the app creates, with its lower-case tag name. */
type Hook = (el: Element, tag: string) => void;

const hooksOf = new WeakMap<PatchTarget, Hook[]>();

/**
 * Adds a step to the app's `document.createElement`: `after` sees every
 * element the app creates. All steps of one app share a single override
 * (`createElement` is hot: React calls it for every node it renders), and
 * get the tag name already lower-cased. Returns the undo.
 */
export function wrapCreateElement(target: PatchTarget, after: Hook): () => void {
  let hooks = hooksOf.get(target);
  if (!hooks) {
    const list: Hook[] = (hooks = []);
    hooksOf.set(target, list);
    const real = document;
    const create = real.createElement;
    // An own property of the app's document, not an override behind its Proxy prototype: no trap on this hot path.
    Object.defineProperty(target.document, 'createElement', {
      configurable: true,
      writable: true,
      value: lookNative(function createElement(tagName: string, options?: ElementCreationOptions) {
        const el = create.call(real, tagName, options);
        const tag = typeof tagName === 'string' ? tagName.toLowerCase() : String(tagName).toLowerCase();
        for (let i = 0; i < list.length; i++) list[i]!(el, tag);
        return el;
      }, 'createElement'),
    });
  }
  hooks.push(after);
  return () => {
    const list = hooksOf.get(target);
    if (!list) return;
    list.splice(list.indexOf(after), 1);
    if (!list.length) {
      hooksOf.delete(target);
      Reflect.deleteProperty(target.document, 'createElement');
    }
  };
}
