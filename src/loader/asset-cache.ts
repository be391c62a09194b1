import { abortable } from './deadline.js';
import { parseEntry, type ParsedEntry } from './parse-entry.js';

/**
 * The texts Portico fetched for apps (entries, scripts), by URL, for the
 * page's lifetime: the second instance of an app and every remount reuse
 * them instead of going back to the network (and an entry is parsed only
 * once), and `prefetch` fills it ahead of time. Failures are never cached. `reload()` on an element bypasses it.
 */
export interface AssetCache {
  /** The cached answer for `url`, if any. */
  get(url: string): CachedAsset | undefined;
  set(url: string, asset: CachedAsset): void;
  /** Forgets one URL (or everything). */
  delete(url?: string): void;
  /**
   * One request per `key` at a time: while `start()`'s promise is pending,
   * later callers get that same promise (`started: false`) instead of
   * starting their own. Ten instances of one app mounting together fetch
   * its entry and scripts once.
   */
  share<T>(key: string, start: () => Promise<T>): { promise: Promise<T>; started: boolean };
  /** The request {@link share} has in flight for `key`, if any. */
  pending(key: string): Promise<unknown> | undefined;
}

/** A fetched text and the URL it was finally served from. */
export interface CachedAsset {
  readonly url: string;
  readonly text: string;
  /** For an entry: the text parsed once (an inert document, never mutated: each mount imports a copy). */
  readonly parsed?: ParsedEntry;
}

/** Creates an empty cache. */
export function createAssetCache(): AssetCache {
  const entries = new Map<string, CachedAsset>();
  const inflight = new Map<string, Promise<unknown>>();
  return {
    get: (url) => entries.get(url),
    set: (url, asset) => void entries.set(url, asset),
    delete: (url) => (url === undefined ? entries.clear() : void entries.delete(url)),
    share<T>(key: string, start: () => Promise<T>) {
      const pending = inflight.get(key) as Promise<T> | undefined;
      if (pending) return { promise: pending, started: false };
      const promise = start();
      inflight.set(key, promise);
      const done = () => void inflight.delete(key);
      promise.then(done, done);
      return { promise, started: true };
    },
    pending: (key) => inflight.get(key),
  };
}

/** The cache key of an HTML entry: entries and scripts never share a key, even at the same URL. */
export const entryKey = (src: string) => `entry ${src}`;

/** The cache key of an ES module's source: never the key of a classic script at the same URL. */
export const moduleKey = (url: string) => `module ${url}`;

/** An entry's parse, made once: `entry.parsed`, or parsed now and stored with the text in `cache` under `entryKey(src)`. */
export function parsedEntry(src: string, entry: CachedAsset, cache?: AssetCache): ParsedEntry {
  if (entry.parsed) return entry.parsed;
  const parsed = parseEntry(entry.text, entry.url);
  cache?.set(entryKey(src), { ...entry, parsed });
  return parsed;
}

/**
 * Fetches a script's text (CORS), through `cache` unless `fresh`. Instances
 * asking for one URL at once share one request, which goes on when one of
 * them is removed; each stops waiting when its own `signal` aborts.
 */
export async function fetchScriptText(url: string, signal: AbortSignal, cache?: AssetCache, fresh = false): Promise<string> {
  const hit = fresh ? undefined : cache?.get(url);
  if (hit) return hit.text;
  if (!cache || fresh) return download(url, signal, cache);
  return abortable(cache.share(`script ${url}`, () => download(url, undefined, cache)).promise, signal);
}

async function download(url: string, signal: AbortSignal | undefined, cache?: AssetCache): Promise<string> {
  const response = await fetch(url, { signal, mode: 'cors' });
  if (!response.ok) throw new Error(`answered ${response.status}`);
  const text = await response.text();
  cache?.set(url, { url: response.url || url, text });
  return text;
}
