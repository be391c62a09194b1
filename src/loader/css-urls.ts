/**
 * Rewrites the URLs inside CSS text (`url(...)` and `@import "..."`) to
 * absolute ones, resolved against `base`. Needed for inline `<style>` blocks
 * and `style` attributes, whose relative URLs would otherwise resolve against
 * the host page. Comments are skipped; `data:`, `blob:` and fragment-only
 * (`#id`, used by SVG filters) URLs are left alone.
 *
 * The pattern works on CSS tokens, not on HTML: strings and `url()` are the
 * only CSS constructs that hold a URL.
 */
const CSS_URL = /\/\*[\s\S]*?\*\/|url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;

export function rewriteCssUrls(css: string, base: string): string {
  if (!css.includes('url(') && !css.includes('@import')) return css;
  return css.replace(CSS_URL, (match, dq, sq, bare, importDq, importSq) => {
    if (match.startsWith('/*')) return match;
    const raw = dq ?? sq ?? bare;
    if (raw !== undefined) return `url("${absolutize(raw, base)}")`;
    const imported = importDq ?? importSq;
    return imported === undefined ? match : `@import "${absolutize(imported, base)}"`;
  });
}

/** Resolves one URL against `base`, leaving empty, fragment-only, data: and blob: URLs as they are. */
export function absolutize(raw: string, base: string): string {
  const url = raw.trim();
  if (!url || url.startsWith('#') || /^(data|blob|javascript|mailto|tel|about):/i.test(url)) return raw;
  try {
    return new URL(url, base).href;
  } catch {
    return raw;
  }
}
