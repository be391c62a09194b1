import { absolutize } from './css-urls.js';
import { resolveUrls } from './resolve-urls.js';

/** How a script of the entry runs, by the HTML rules for its attributes. */
export type ScriptKind = 'classic' | 'defer' | 'async' | 'module' | 'skip';

/** One `<script>` of the entry, in document order. */
export interface EntryScript {
  /** Absolute URL for external scripts; absent for inline ones. */
  readonly src?: string;
  /** The inline text (empty for external scripts). */
  readonly text: string;
  readonly kind: ScriptKind;
  /** Marked `entry` (qiankun's convention for the script that exports lifecycles). */
  readonly isEntry: boolean;
  /** Position among the entry's script elements: finds the live element after cloning. */
  readonly index: number;
}

/** A parsed entry: an inert document with absolute URLs, and its scripts in order. */
export interface ParsedEntry {
  readonly document: Document;
  /** The URL relative references resolve against (the entry URL, or its `<base href>`). */
  readonly baseUrl: string;
  readonly scripts: readonly EntryScript[];
}

/** Script types a browser runs as classic JavaScript. */
const CLASSIC_TYPES = /^(|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript|application\/x-javascript|text\/jscript|text\/livescript)$/i;

/**
 * Parses an entry's HTML with the browser's own parser (DOMParser: scripts
 * never run, nothing loads) and rewrites its relative URLs against the
 * entry's final URL. Scripts carrying qiankun's/micro-app's `ignore` or
 * `exclude` attribute are not run.
 */
export function parseEntry(html: string, url: string): ParsedEntry {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const declaredBase = doc.querySelector('base[href]')?.getAttribute('href');
  const baseUrl = declaredBase ? absolutize(declaredBase, url) : url;
  // A <base> inside the shadow root would do nothing useful and confuse app code that reads it.
  doc.querySelectorAll('base').forEach((base) => base.remove());
  resolveUrls(doc, baseUrl);
  // The app's own stylesheets load in CORS mode so Portico can read their rules (see patchers/styles.ts).
  for (const link of doc.querySelectorAll('link[rel~="stylesheet"][href]:not([crossorigin])')) {
    if (new URL(link.getAttribute('href')!).origin === new URL(url).origin) link.setAttribute('crossorigin', 'anonymous');
  }
  const scripts = [...doc.querySelectorAll('script')].map((el, index): EntryScript => {
    const src = el.getAttribute('src') ?? undefined;
    return { src, text: src ? '' : el.text, kind: kindOf(el), isEntry: el.hasAttribute('entry'), index };
  });
  return { document: doc, baseUrl, scripts };
}

function kindOf(el: HTMLScriptElement): ScriptKind {
  const type = (el.getAttribute('type') ?? '').trim();
  if (el.hasAttribute('ignore') || el.hasAttribute('exclude')) return 'skip';
  if (type.toLowerCase() === 'module') return 'module';
  if (!CLASSIC_TYPES.test(type) || el.hasAttribute('nomodule')) return 'skip';
  const src = el.hasAttribute('src');
  if (src && el.hasAttribute('async')) return 'async';
  if (src && el.hasAttribute('defer')) return 'defer';
  return 'classic';
}
