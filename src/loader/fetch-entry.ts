import { PorticoError } from '../errors.js';
import { entryKey, type AssetCache } from './asset-cache.js';
import { abortable, deadline } from './deadline.js';

/** A fetched HTML entry: its text and the URL it was finally served from (after redirects). */
export interface FetchedEntry {
  url: string;
  html: string;
}

/** Options for {@link fetchEntry}. */
export interface FetchEntryOptions {
  /** The app name, for error messages. */
  app: string;
  /** Give up after this many milliseconds (`PORTICO_ENTRY_TIMEOUT`). */
  timeout: number;
  /** Aborts the request when the element is removed or its src changes. */
  signal: AbortSignal;
  /** The fetch to use; the sandbox's own by default is not wanted here, so the caller passes one. */
  fetch?: typeof fetch;
  /** The host's origin policy: refuse the entry (before and after redirects) when it says no. */
  allowOrigin?: (url: string) => boolean;
}

/** A body with NUL bytes is not HTML, whatever the Content-Type says. */
const BINARY = /\u0000/;

/**
 * Fetches an HTML entry cross-origin (CORS, no credentials) and checks that
 * what came back is HTML. Every failure is a PorticoError with a stable code;
 * an abort through `signal` rejects with the signal's reason instead.
 */
export async function fetchEntry(src: string, options: FetchEntryOptions): Promise<FetchedEntry> {
  const { app, timeout, signal, allowOrigin } = options;
  if (allowOrigin && !allowOrigin(src)) {
    throw new PorticoError(app, 'PORTICO_ORIGIN_REFUSED', `entry ${src} is not on an allowed origin`);
  }
  const timer = new AbortController();
  const timeoutId = setTimeout(() => timer.abort(), timeout);
  const combined = AbortSignal.any([signal, timer.signal]);
  try {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(src, { signal: combined, mode: 'cors', credentials: 'same-origin' });
    } catch (error) {
      throw failure(app, src, timeout, signal, timer.signal, error);
    }
    if (allowOrigin && response.url && !allowOrigin(response.url)) {
      throw new PorticoError(app, 'PORTICO_ORIGIN_REFUSED', `entry ${src} redirected to ${response.url}, which is not on an allowed origin`);
    }
    if (!response.ok) {
      throw new PorticoError(app, 'PORTICO_ENTRY_HTTP', `entry ${src} answered ${response.status}`);
    }
    const type = response.headers.get('content-type') ?? '';
    if (type && !/html|text\/plain/i.test(type)) {
      throw new PorticoError(app, 'PORTICO_ENTRY_NOT_HTML', `entry ${src} answered with Content-Type ${type}`);
    }
    let html: string;
    try {
      html = await response.text();
    } catch (error) {
      throw failure(app, src, timeout, signal, timer.signal, error);
    }
    if (BINARY.test(html)) {
      throw new PorticoError(app, 'PORTICO_ENTRY_NOT_HTML', `entry ${src} answered with binary data`);
    }
    if (!html.trim()) throw new PorticoError(app, 'PORTICO_ENTRY_EMPTY', `entry ${src} answered with an empty body`);
    return { url: response.url || src, html };
  } finally {
    clearTimeout(timeoutId);
  }
}

function failure(
  app: string,
  src: string,
  timeout: number,
  outer: AbortSignal,
  timer: AbortSignal,
  error: unknown,
): unknown {
  if (outer.aborted) return outer.reason;
  if (timer.aborted) return timedOut(app, src, timeout);
  const detail = error instanceof Error ? error.message : String(error);
  return new PorticoError(app, 'PORTICO_ENTRY_NETWORK', `entry ${src} could not be fetched (${detail})`, error);
}

/**
 * {@link fetchEntry} through the page's cache of requests: instances of one
 * app mounting together share one request for its entry. The one that
 * started it gets its answer or its error; the others, if it failed, try
 * alone (so their error names their own app), and each stops waiting when
 * its own signal aborts, while the request goes on for the rest.
 */
export async function fetchSharedEntry(src: string, options: FetchEntryOptions, cache: AssetCache): Promise<FetchedEntry> {
  const own = { ...options, signal: new AbortController().signal };
  const { promise, started } = cache.share(entryKey(src), () => fetchEntry(src, own));
  if (started) return abortable(promise, options.signal);
  // Another instance's request, bounded by this element's own timeout and signal; a failure is retried alone.
  const wait = deadline(options.timeout, options.signal);
  const answer = await Promise.race([promise.catch(() => undefined), wait.ended]);
  wait.clear();
  if (answer === 'aborted') throw options.signal.reason;
  if (answer === 'timeout') throw timedOut(options.app, src, options.timeout);
  return answer ?? fetchEntry(src, options);
}

function timedOut(app: string, src: string, timeout: number): PorticoError {
  return new PorticoError(app, 'PORTICO_ENTRY_TIMEOUT', `entry ${src} did not answer within ${timeout} ms`);
}
