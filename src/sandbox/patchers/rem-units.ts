import { hasRem, registerRemProperties, REM_RULES, rewriteRemDeclarations } from '../css-rem.js';
import type { Patcher } from '../types.js';

/**
 * Makes `rem` follow the app's own `<html>` font size (see `css-rem.ts`):
 * adopts the rules that compute the app's root size, and rewrites `rem`
 * in inline styles, from the markup and as the app sets them
 * (`style="margin:2rem"`, `el.style.width = '3rem'`). Stylesheet rules are
 * rewritten where the styles patcher walks them.
 *
 * Inline styles are watched with one observer filtered to the `style`
 * attribute; a change without a `rem` length costs one string test.
 */
export const patchRemUnits: Patcher = (target) => {
  registerRemProperties();
  const { root, html } = target.tree;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, remSheet()];
  const fix = (el: Element) => {
    const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
    const text = el.getAttribute('style');
    if (style && text && hasRem(text)) rewriteRemDeclarations(style);
  };
  const fixTree = (el: Element) => {
    fix(el);
    for (const inner of el.querySelectorAll('[style]')) fix(inner);
  };
  fixTree(html);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') fix(record.target as Element);
      else for (const node of record.addedNodes) if (node instanceof Element) fixTree(node);
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
  return () => {
    observer.disconnect();
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== remSheet());
  };
};

let sheet: CSSStyleSheet | undefined;

/** Shared by every app. */
function remSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(REM_RULES);
  }
  return sheet;
}
