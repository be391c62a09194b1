import { absolutize, rewriteCssUrls } from './css-urls.js';

/** Attributes that hold one URL, by the elements that carry them. */
const URL_ATTRIBUTES: ReadonlyArray<readonly [selector: string, attribute: string]> = [
  ['[src]', 'src'],
  ['a[href], area[href], link[href], use[href], image[href]', 'href'],
  ['video[poster]', 'poster'],
  ['form[action]', 'action'],
  ['object[data]', 'data'],
  ['[*|href]:not([href])', 'xlink:href'],
];

/**
 * Rewrites every relative URL in a parsed entry to an absolute one, resolved
 * against `base` (the entry's final URL, or its `<base href>`): src, href,
 * srcset, poster, action, `style` attributes and inline `<style>` blocks.
 * Root-relative URLs (`/logo.png`) land on the entry's origin, not the host's.
 * Runs on the inert parsed document, before anything is in the page.
 */
export function resolveUrls(root: ParentNode, base: string): void {
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute);
      if (value !== null) el.setAttribute(attribute, absolutize(value, base));
    }
  }
  for (const el of root.querySelectorAll('[srcset]')) {
    el.setAttribute('srcset', rewriteSrcset(el.getAttribute('srcset') ?? '', base));
  }
  for (const el of root.querySelectorAll('[style]')) {
    el.setAttribute('style', rewriteCssUrls(el.getAttribute('style') ?? '', base));
  }
  for (const style of root.querySelectorAll('style')) {
    style.textContent = rewriteCssUrls(style.textContent ?? '', base);
  }
}

/** `srcset="a.png 1x, b.png 2x"`: each candidate is a URL then an optional descriptor. */
export function rewriteSrcset(srcset: string, base: string): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [absolutize(url, base), ...descriptors].join(' ');
    })
    .join(', ');
}
