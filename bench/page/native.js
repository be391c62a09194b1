/**
 * native: the same work as a shell with no isolation at all (the physical
 * limit). The clock starts before the entry HTML is fetched, like every shell's;
 * then its stylesheets, module preloads and `<style>`s and its body markup are
 * copied into a container in the host page, and its scripts run there as real
 * `<script>` elements: classic ones in document order (external ones awaited),
 * then deferred and module ones in order, as a parser would. A module script
 * whose URL this page already imported gets a `?bench-native=<n>` query, since
 * the browser's module map would otherwise not evaluate it again. `unmount`
 * removes the DOM: native has no way to stop the app's code, so whatever it left
 * on `window` stays, and a later mount runs every script again.
 */
import { Mounts, now, reportError, stage } from './common.js';

const mounts = new Mounts();
const imported = new Set();
let reimports = 0;

/** Starts one mount of the app at `url`; resolves with its start time (see common.js `now`). */
export async function mount({ name, url }) {
  const t0 = now();
  const entry = { container: null };
  entry.ready = load(url, entry).catch((error) => reportError('native', error));
  mounts.add(name, entry);
  return t0;
}

async function load(url, entry) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const base = response.url;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const container = document.createElement('div');
  const scripts = [...doc.querySelectorAll('script')];
  for (const script of scripts) script.remove();
  for (const link of doc.querySelectorAll('link[href]')) link.setAttribute('href', new URL(link.getAttribute('href'), base).href);
  for (const node of doc.head.querySelectorAll('link[rel=stylesheet], link[rel=modulepreload], style')) {
    container.append(document.importNode(node, true));
  }
  container.append(...[...doc.body.childNodes].map((node) => document.importNode(node, true)));
  stage().append(container);
  entry.container = container;
  const deferred = (s) => s.type === 'module' || s.hasAttribute('defer') || s.hasAttribute('async');
  for (const script of [...scripts.filter((s) => !deferred(s)), ...scripts.filter(deferred)]) await run(script, base, container);
}

/** Runs one script of the app as a real <script> in `container`; resolves when it ran (or failed to load). */
function run(original, base, container) {
  const script = document.createElement('script');
  for (const { name, value } of original.attributes) if (name !== 'src') script.setAttribute(name, value);
  const src = original.getAttribute('src');
  if (!src) {
    script.textContent = original.textContent;
    container.append(script);
    return Promise.resolve();
  }
  let href = new URL(src, base).href;
  if (original.type === 'module') {
    if (imported.has(href)) href += `${href.includes('?') ? '&' : '?'}bench-native=${++reimports}`;
    else imported.add(href);
  }
  script.src = href;
  const loaded = new Promise((resolve) => (script.onload = script.onerror = resolve));
  container.append(script);
  return loaded;
}

/** Tears down the mount called `name` (default: the last one). */
export async function unmount(name) {
  const entry = mounts.take(name);
  if (!entry) return;
  await entry.ready;
  entry.container?.remove();
}
