import { rewriteCssUrls } from '../../loader/css-urls.js';
import { applyPlan, readableRules, recordPlan, rulesAt, type SheetPlan } from '../sheet-plans.js';
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
 * What each stylesheet needs is found once per URL and replayed for the
 * next instance or remount (see `sheet-plans.ts`).
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
  /** Rule counts of the sheets processed, and the plan each was processed with. */
  const seen = new WeakMap<CSSStyleSheet, { count: number; plan: SheetPlan }>();
  // Shared by the page's instances (see sheet-plans.ts); an instance of its own without.
  const plans = target.sheetPlans ?? new Map<string, SheetPlan>();

  const process = () => {
    const started = performance.now();
    pass();
    target.onStyleWork?.(performance.now() - started);
  };
  const pass = () => {
    const sheets: Array<{ sheet: CSSStyleSheet; rules: CSSRuleList }> = [];
    for (const el of root.querySelectorAll<HTMLStyleElement | HTMLLinkElement>('style, link[rel~="stylesheet"]')) {
      const rules = el.sheet && readableRules(el.sheet);
      if (rules) sheets.push({ sheet: el.sheet!, rules });
    }
    // Sheets already processed with the same number of rules are skipped.
    const fresh = sheets.filter(({ sheet, rules }) => seen.get(sheet)?.count !== rules.length);
    const before = renames.size;
    for (const { sheet, rules } of fresh) {
      let plan = sheet.href ? plans.get(sheet.href) : undefined;
      if (!plan || !applyPlan(plan, rules)) {
        plan = recordPlan(rules);
        applyPlan(plan, rules);
        if (sheet.href) plans.set(sheet.href, plan);
      }
      for (const face of rulesAt(rules, plan.fonts, CSSFontFaceRule)) hoist(face);
      seen.set(sheet, { count: rules.length, plan });
    }
    if (!renames.size) return;
    // A new family renames its uses in every sheet; otherwise only the fresh sheets need it.
    for (const { sheet, rules } of renames.size === before ? fresh : sheets) {
      for (const rule of rulesAt(rules, seen.get(sheet)!.plan.families, CSSStyleRule)) renameFamilies(rule.style, renames);
    }
  };

  /** Copies one @font-face to the host document under this instance's name for its family. */
  const hoist = (rule: CSSFontFaceRule) => {
    const family = unquote(rule.style.getPropertyValue('font-family'));
    if (!family) return;
    const renamed = renames.get(family.toLowerCase()) ?? `${family}__${id}`;
    renames.set(family.toLowerCase(), renamed);
    const base = rule.parentStyleSheet?.href ?? target.baseUrl;
    const declarations = [...Array.from({ length: rule.style.length }, (_, i) => rule.style.item(i))].map((name) => {
      const value = name === 'font-family' ? JSON.stringify(renamed) : rule.style.getPropertyValue(name);
      return `${name}:${name === 'src' ? rewriteCssUrls(value, base) : value}`;
    });
    const text = `@font-face{${declarations.join(';')}}`;
    if (!hoisted.has(text)) {
      hoisted.add(text);
      fontSheet().insertRule(text, fontSheet().cssRules.length);
    }
  };

  // Only what can change a stylesheet wakes the pass up: a `<style>` or `<link>` added (a link's
  // sheet is processed when it loads), or the text of a `<style>` changed. The app's other DOM work
  // costs a type check per added node.
  const observer = new MutationObserver((records) => {
    let styles = false;
    for (const record of records) {
      const parent = record.type === 'characterData' ? record.target.parentNode : record.target;
      if (parent instanceof HTMLStyleElement) styles = true;
      for (const node of record.addedNodes) {
        if (node instanceof HTMLStyleElement) styles = true;
        const links = node instanceof HTMLLinkElement ? [node] : node instanceof Element && node.firstElementChild ? node.querySelectorAll('link, style') : [];
        for (const el of links) {
          if (el instanceof HTMLStyleElement) styles = true;
          else el.addEventListener('load', process, { once: true });
          // A sheet already there (from the memory cache) has fired its load before the listener.
          if (el instanceof HTMLLinkElement && el.sheet) styles = true;
        }
      }
    }
    if (styles) process();
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
