import { compileScript } from '../sandbox/evaluate.js';
import { entryKey, fetchScriptText, parsedEntry, type AssetCache } from './asset-cache.js';
import { fetchEntry } from './fetch-entry.js';

/** Options for {@link prefetchApp}. */
export interface PrefetchOptions {
  cache: AssetCache;
  /** Also compile the classic scripts, so the first mount skips parsing too. */
  compile?: boolean;
  /** The host's origin policy. */
  allowOrigin?: (url: string) => boolean;
}

type Connection = { saveData?: boolean; effectiveType?: string };

/**
 * True when prefetching would cost the user: Save-Data is on, or the
 * connection is 2G-class. https://developer.mozilla.org/docs/Web/API/NetworkInformation
 */
export function prefetchUnwelcome(): boolean {
  const connection = (navigator as Navigator & { connection?: Connection }).connection;
  return !!connection && (!!connection.saveData || /(^|-)2g$/.test(connection.effectiveType ?? ''));
}

/** Resolves when the browser is idle (or after `timeout` ms), so prefetching never competes with the active app. */
function idle(timeout = 2000): Promise<void> {
  return new Promise((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout }) : setTimeout(resolve, 50),
  );
}

/**
 * Fetches an app's entry and classic scripts into `cache` in idle time, one
 * request at a time, and optionally compiles the scripts; a later mount of
 * that app then needs no network for them. Returns whether it prefetched
 * (false under Save-Data or a slow connection, or on any failure: a prefetch
 * never reports errors, the real mount will).
 */
export async function prefetchApp(src: string, options: PrefetchOptions): Promise<boolean> {
  if (prefetchUnwelcome()) return false;
  const { cache } = options;
  try {
    await idle();
    const signal = new AbortController().signal;
    let entry = cache.get(entryKey(src));
    if (!entry) {
      const fetched = await fetchEntry(src, { app: 'prefetch', timeout: 30_000, signal, allowOrigin: options.allowOrigin });
      entry = { url: fetched.url, text: fetched.html };
    }
    const parsed = parsedEntry(src, entry, cache);
    for (const script of parsed.scripts) {
      if (!script.src || (script.kind !== 'classic' && script.kind !== 'defer' && script.kind !== 'async')) continue;
      await idle();
      const code = await fetchScriptText(script.src, signal, cache);
      if (options.compile) compileScript(code, script.src);
    }
    return true;
  } catch {
    return false;
  }
}
