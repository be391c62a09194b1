import { moduleKey, type AssetCache, type CachedAsset } from './asset-cache.js';
import type { ParsedEntry } from './parse-entry.js';

/**
 * Starts an ES-module app's module work as soon as its entry is parsed,
 * while its tree, its sandbox and its classic scripts go first:
 * - the module loader's chunk and es-module-shims' chunk (with its Wasm
 *   lexer), fetched and compiled in parallel rather than one after the other
 *   when the first module runs;
 * - the sources the entry names (`<script type="module" src>` and
 *   `<link rel="modulepreload" href>`), fetched into the page's cache, where
 *   the loader's source hook finds them (module-loader.ts), instead of each
 *   fetch waiting for its parent's lex.
 * In a cold mount of the Vite bench app these were four round trips in a
 * row after the classic scripts (README, "Mount timing"). What the loader
 * fetches itself, when a source was not named or its warm-up failed, it
 * fetches as before.
 */
export function warmModules(parsed: ParsedEntry, cache: AssetCache | undefined): void {
  if (!parsed.scripts.some((script) => script.kind === 'module')) return;
  // es-module-shims is imported here too, so that its chunk does not wait for the loader's to arrive and
  // run. A failure here is the real load's to report: it fails the same way, naming the app.
  import('es-module-shims').catch(() => undefined);
  import('./module-loader.js').then(({ installModuleLoader }) => installModuleLoader(), () => undefined);
  if (!cache) return;
  const sources = parsed.document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
    'script[type="module" i][src]:not([ignore]):not([exclude]), link[rel~="modulepreload" i][href]',
  );
  for (const element of sources) {
    const url = element instanceof HTMLLinkElement ? element.href : element.src;
    if (!cache.get(moduleKey(url))) cache.share(moduleKey(url), () => download(url, element.getAttribute('integrity') ?? undefined, cache));
  }
}

/**
 * Fetches a module source as the loader would (es-module-shims' default
 * request, plus the element's `integrity`) and keeps it when it is
 * JavaScript. Never rejects: anything else (a 404, a CSS or JSON module, a
 * network error) is left for the loader's own fetch to meet and report.
 */
async function download(url: string, integrity: string | undefined, cache: AssetCache): Promise<CachedAsset | undefined> {
  try {
    const response = await fetch(url, { integrity });
    if (!response.ok || !/^(text|application)\/(x-)?javascript(;|$)/i.test(response.headers.get('content-type') ?? '')) {
      // Unread, the body would hold its connection until collected.
      void response.body?.cancel();
      return undefined;
    }
    const asset = { url: response.url || url, text: await response.text() };
    cache.set(moduleKey(url), asset);
    return asset;
  } catch {
    return undefined;
  }
}
