import { createAssetCache, type AssetCache } from '../loader/asset-cache.js';
import { prefetchApp } from '../loader/prefetch.js';
import type { SheetPlans } from '../sandbox/sheet-plans.js';
import { originPolicy } from './origin-policy.js';

/**
 * The one cache of fetched entries and scripts that every `<micro-app>` of
 * the page shares (owned here, in the elements layer, and handed down to the
 * loader as an argument).
 */
export const appAssets: AssetCache = createAssetCache();

/** What each app stylesheet URL needs (`:root`, `rem`, fonts), found once per page (see sandbox/sheet-plans.ts). */
export const sheetPlans: SheetPlans = new Map();

/**
 * Fetches apps ahead of time, in idle time and one request at a time, so
 * that mounting them later needs no network; with `compile`, their classic
 * scripts are parsed too. Skipped under Save-Data or a 2G-class connection.
 * Resolves, per app, whether it was prefetched.
 *
 * @example
 * prefetch(['https://orders.example.com/', 'https://billing.example.com/'], { compile: true });
 */
export async function prefetch(src: string | readonly string[], options: { compile?: boolean } = {}): Promise<boolean[]> {
  const results: boolean[] = [];
  for (const one of typeof src === 'string' ? [src] : src) {
    results.push(await prefetchApp(new URL(one, location.href).href, { cache: appAssets, compile: options.compile, allowOrigin: originPolicy() }));
  }
  return results;
}
