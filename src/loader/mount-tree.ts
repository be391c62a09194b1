import type { AppTree } from '../sandbox/proxy-document.js';

/**
 * Moves a parsed entry into the app's shadow root as a real `<html>` element
 * with its `<head>` and `<body>`, so the app's CSS rules for `html` and `body`
 * apply inside the root and its queries find what they would standalone.
 * Returns the tree and the live script elements in document order.
 *
 * Script elements made by DOMParser are flagged "already started" and the
 * flag survives `importNode`, so they never run on their own: Portico runs
 * them through the sandbox. https://html.spec.whatwg.org/#already-started
 */
export function mountTree(root: ShadowRoot, parsed: Document): { tree: AppTree; scripts: HTMLScriptElement[] } {
  const html = document.importNode(parsed.documentElement, true) as HTMLElement;
  const head = html.querySelector(':scope > head') as HTMLElement;
  const body = html.querySelector(':scope > body') as HTMLElement;
  root.append(html);
  return { tree: { root, html, head, body }, scripts: [...html.querySelectorAll('script')] };
}
