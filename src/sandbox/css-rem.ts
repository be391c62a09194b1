/**
 * `rem` for an app in a shadow root: the unit always resolves against the
 * host page's `<html>` font size, never the app's own `<html>` (an element
 * in the shadow tree). Lengths in `rem` are rewritten to a multiple of a
 * registered custom property that the app's `<html>` computes from its own
 * font size, so they follow it as they would standalone, also when the app
 * changes that size at run time. https://drafts.csswg.org/css-values/#rem
 *
 * Two properties, because the root's own `font-size: 2rem` means twice the
 * *initial* font size standalone (and `1em` there would be a dependency
 * cycle): `--portico-rem` is the app root's font size, for every length;
 * `--portico-rem-font` is what a `font-size` in `rem` multiplies: the
 * initial size on the app's `<html>`, the root's font size below it.
 */
export const REM = '--portico-rem';
const REM_FONT = '--portico-rem-font';

/**
 * Rules for the app's shadow root. The `<html>` starts from `font-size:
 * medium` through the carrier, so a percentage or `em` on the app's root
 * resolves against the initial size as it does standalone.
 */
export const REM_RULES = `:host{font-size:medium}:where(html){${REM}:1em;${REM_FONT}:16px}:where(html)>*{${REM_FONT}:var(${REM})}`;

let registered = false;

/**
 * Registers the two lengths with the host document, once: a registered
 * `<length>` computes to pixels where it is declared and inherits as such.
 * The registration outlives apps (the browser has no way to undo one); it is
 * inert for everything but Portico's own rewritten values. Another copy of
 * Portico on the page may have registered them already, which is fine.
 */
export function registerRemProperties(): void {
  if (registered) return;
  registered = true;
  for (const name of [REM, REM_FONT]) {
    try {
      CSS.registerProperty({ name, syntax: '<length>', inherits: true, initialValue: '16px' });
    } catch {
      // InvalidModificationError: already registered (another Portico bundle on the page).
    }
  }
}

/** A number with the `rem` unit, as a token: after a start, a space, `(`, `,`, `/`, `*` or `+`. */
const REM_LENGTH = /(^|[\s(,/*+])([+-]?(?:\d*\.)?\d+(?:e[+-]?\d+)?)rem(?![\w-])/gi;
/** Quoted strings and `url(…)`, which are left as they are. */
const OPAQUE = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|url\([^)]*\))/i;

/** Whether a value may hold a `rem` length (a cheap test before rewriting). */
export const hasRem = (value: string): boolean => /\drem/i.test(value);

/** The variable a declaration of `property` multiplies: `font-size` (and `font`) the root's initial size. */
const unitFor = (property: string) => `var(${/^font(-size)?$/i.test(property.trim()) ? REM_FONT : REM})`;

/**
 * Rewrites the `rem` lengths of a declaration list (`width: 2rem; font-size:
 * 1.5rem`), as a block's `cssText` serializes it. Strings and `url()` are
 * left alone; the property a length belongs to picks its variable.
 */
export function rewriteRemText(text: string): string {
  let property = '';
  return text
    .split(OPAQUE)
    .map((part, i) => {
      if (i % 2) return part;
      // Declarations are `name: value;`: a length belongs to the name last opened before it.
      return part.replace(/([^;:]*)(:?)([^;]*)(;?)/g, (_whole: string, head: string, colon: string, value: string, end: string) => {
        if (colon) property = head;
        const rewritten = (colon ? value : head + value).replace(REM_LENGTH, (_, before: string, n: string) => `${before}calc(${n} * ${unitFor(property)})`);
        return colon ? `${head}:${rewritten}${end}` : `${rewritten}${end}`;
      });
    })
    .join('');
}

/**
 * Rewrites, in place, the `rem` lengths of a declaration block (a rule's
 * `style`, or an element's inline style): one serialization to look, one
 * parse to write, whatever the number of declarations.
 */
export function rewriteRemDeclarations(style: CSSStyleDeclaration): void {
  const text = style.cssText;
  if (hasRem(text)) style.cssText = rewriteRemText(text);
}
