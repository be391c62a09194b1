import { MicroAppElement } from './micro-app.js';

/**
 * Defines `<micro-app>` (or another tag name) unless something already did:
 * a page that loads Portico twice (CDN and bundle, or two versions) gets a
 * warning instead of a `NotSupportedError` from `customElements.define`.
 */
export function defineMicroApp(tagName = 'micro-app'): void {
  const existing = customElements.get(tagName);
  if (existing) {
    if (existing !== MicroAppElement && !(existing.prototype instanceof MicroAppElement)) {
      console.warn(`[portico] <${tagName}> is already defined by another script; this copy of Portico leaves it as it is.`);
    }
    return;
  }
  // A subclass per extra tag name: one constructor may be defined only once.
  customElements.define(tagName, tagName === 'micro-app' ? MicroAppElement : class extends MicroAppElement {});
}
