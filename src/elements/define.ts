import { MicroAppElement } from './micro-app.js';
import { MicroStoreElement } from './micro-store.js';

/**
 * Defines `<micro-app>` (or another tag name) unless something already did:
 * a page that loads Portico twice (CDN and bundle, or two versions) gets a
 * warning instead of a `NotSupportedError` from `customElements.define`.
 */
export function defineMicroApp(tagName = 'micro-app'): void {
  defineOnce(tagName, 'micro-app', MicroAppElement);
}

/** Defines `<micro-store>` (or another tag name) the same guarded way as {@link defineMicroApp}. */
export function defineMicroStore(tagName = 'micro-store'): void {
  defineOnce(tagName, 'micro-store', MicroStoreElement);
}

function defineOnce(tagName: string, defaultTag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing) {
    if (existing !== element && !(existing.prototype instanceof element)) {
      console.warn(`[portico] <${tagName}> is already defined by another script; this copy of Portico leaves it as it is.`);
    }
    return;
  }
  // A subclass per extra tag name: one constructor may be defined only once.
  customElements.define(tagName, tagName === defaultTag ? element : class extends element {});
}
