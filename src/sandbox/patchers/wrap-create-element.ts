import type { PatchTarget } from '../types.js';

/**
 * Layers one more step onto the app's `document.createElement`: `after`
 * sees every element the app creates. Several patchers can layer; each undo
 * puts back the layer below. Returns the undo.
 */
export function wrapCreateElement(target: PatchTarget, after: (el: Element) => void): () => void {
  const overrides = target.overrides.document;
  const below = overrides.get('createElement') as typeof document.createElement | undefined;
  const create = below ?? document.createElement.bind(document);
  overrides.set('createElement', function createElement(tagName: string, options?: ElementCreationOptions) {
    const el = create(tagName, options);
    after(el);
    return el;
  });
  return () => {
    if (below) overrides.set('createElement', below);
    else overrides.delete('createElement');
  };
}
