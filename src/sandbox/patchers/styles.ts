import { rewriteCssUrls } from '../../loader/css-urls.js';
import { rewriteRemDeclarations } from '../css-rem.js';
import type { Patcher } from '../types.js';

/**
 * Makes an app's CSS behave inside its shadow root as it does standalone.
 *
 * - The app starts from browser defaults, not from what the portal's `body`
 *   passes down by inheritance (fonts, colours): a zero-specificity
 *   `all: initial` on its `<html>`, which any rule of the app overrides.
 * - Rules aimed at `:root` (custom properties, normalize.css) match nothing in
 *   a shadow tree; they are rewritten, in place through the CSSOM, to `html`.
 * - `rem` lengths are rewritten to follow the app's own `<html>` font size
 *   (see `css-rem.ts`).
 * - `@font-face` is ignored inside shadow roots, so each face is copied to the
 *   host document under a family name private to this app instance (two apps
 *   declaring the same family with different files each get their own, and
 *   the host's own family of that name is untouched), and the app's
 *   `font-family` declarations are renamed to match. The copies go when the
 *   app unmounts.
 * Stylesheets are processed as they load, including ones added at run time
 * (Vite's chunk CSS, `<style>` tags). Linked sheets must be CORS-readable for
 * this (Portico requests the app's own with `crossorigin`); rules a
 * CSS-in-JS library adds later with `insertRule` are processed when the next
 * stylesheet arrives.
 */
export const patchStyles: Patcher = (target) => {
  const root = target.tree.root;
  const id = `${target.name.replace(/[^\w-]/g, '_')}-${++instances}`;
  root.adoptedStyleSheets = [baseSheet(), ...root.adoptedStyleSheets];
  // Adopted into the host document only once the app declares a font: adopting restyles the whole page.
  let fonts: CSSStyleSheet | undefined;
  const fontSheet = () => {
    if (!fonts) {
      fonts = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, fonts];
    }
    return fonts;
  };
  const renames = new Map<string, string>();
  const hoisted = new Set<string>();
  const seen = new WeakMap<CSSStyleSheet, number>();

  const process = () => {
    const sheets = [...root.querySelectorAll<HTMLStyleElement | HTMLLinkElement>('style, link[rel~="stylesheet"]')]
      .map((el) => el.sheet)
      .filter((sheet): sheet is CSSStyleSheet => !!sheet);
    const before = renames.size;
    for (const sheet of sheets) {
      const rules = readable(sheet);
      if (rules) collectFonts(rules, sheet.href ?? target.baseUrl);
    }
    for (const sheet of sheets) {
      const rules = readable(sheet);
      if (!rules || (seen.get(sheet) === rules.length && renames.size === before)) continue;
      fixRules(rules);
      seen.set(sheet, rules.length);
    }
  };

  const collectFonts = (rules: CSSRuleList, base: string) => {
    for (const rule of rules) {
      if (rule instanceof CSSFontFaceRule) {
        const family = unquote(rule.style.getPropertyValue('font-family'));
        if (!family) continue;
        const renamed = renames.get(family.toLowerCase()) ?? `${family}__${id}`;
        renames.set(family.toLowerCase(), renamed);
        const declarations = [...Array.from({ length: rule.style.length }, (_, i) => rule.style.item(i))].map((name) => {
          const value = name === 'font-family' ? JSON.stringify(renamed) : rule.style.getPropertyValue(name);
          return `${name}:${name === 'src' ? rewriteCssUrls(value, base) : value}`;
        });
        const text = `@font-face{${declarations.join(';')}}`;
        if (!hoisted.has(text)) {
          hoisted.add(text);
          fontSheet().insertRule(text, fontSheet().cssRules.length);
        }
      } else if ('cssRules' in rule && rule.cssRules) {
        collectFonts(rule.cssRules as CSSRuleList, base);
      } else if (rule instanceof CSSImportRule && rule.styleSheet) {
        const nested = readable(rule.styleSheet);
        if (nested) collectFonts(nested, rule.styleSheet.href ?? base);
      }
    }
  };

  const fixRules = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        if (rule.selectorText.includes(':root')) rule.selectorText = rule.selectorText.replace(/:root\b/g, 'html');
        if (renames.size) renameFamilies(rule.style, renames);
      }
      // Style rules, keyframes and nested declarations: `rem` follows the app's root (see css-rem.ts).
      if (!(rule instanceof CSSFontFaceRule) && 'style' in rule) rewriteRemDeclarations(rule.style as CSSStyleDeclaration);
      if ('cssRules' in rule && rule.cssRules) fixRules(rule.cssRules as CSSRuleList);
      else if (rule instanceof CSSImportRule && rule.styleSheet) {
        const nested = readable(rule.styleSheet);
        if (nested) fixRules(nested);
      }
    }
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const links = node instanceof HTMLLinkElement ? [node] : node instanceof Element ? [...node.querySelectorAll('link')] : [];
        for (const link of links) link.addEventListener('load', process, { once: true });
      }
    }
    process();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  for (const link of root.querySelectorAll('link')) link.addEventListener('load', process, { once: true });
  process();

  const dropFonts = () => {
    if (fonts) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== fonts);
  };
  return Object.assign(
    () => {
      observer.disconnect();
      dropFonts();
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== baseSheet());
    },
    {
      // Parked: the app's font faces leave the page with it, and come back with it.
      suspend: dropFonts,
      resume() {
        if (fonts && !document.adoptedStyleSheets.includes(fonts)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, fonts];
      },
    },
  );
};

let instances = 0;
let base: CSSStyleSheet | undefined;

/** Shared by every app: the host element is a block, the app's `<html>` starts from initial values. */
function baseSheet(): CSSStyleSheet {
  if (!base) {
    base = new CSSStyleSheet();
    base.replaceSync(':host{display:block}:where(html){all:initial;display:block}');
  }
  return base;
}

/** A sheet's rules, or undefined when it is cross-origin without CORS (the browser hides them). */
function readable(sheet: CSSStyleSheet): CSSRuleList | undefined {
  try {
    return sheet.cssRules;
  } catch {
    return undefined;
  }
}

function unquote(family: string): string {
  return family.trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** Rewrites the families of a `font-family` declaration that this app declared with @font-face. */
function renameFamilies(style: CSSStyleDeclaration, renames: Map<string, string>): void {
  const value = style.getPropertyValue('font-family');
  if (!value) return;
  let changed = false;
  const families = value.split(',').map((family) => {
    const renamed = renames.get(unquote(family).toLowerCase());
    if (!renamed) return family.trim();
    changed = true;
    return JSON.stringify(renamed);
  });
  if (changed) style.setProperty('font-family', families.join(', '), style.getPropertyPriority('font-family'));
}
