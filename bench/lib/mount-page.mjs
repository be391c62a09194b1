/**
 * The page the mount tools (profile-mount.mjs, ab-mount.mjs) open: it imports
 * Portico from `moduleUrl` and defines `window.mountOnce()`, one mount of a
 * bare `<micro-app name src>` from insertion to `micro-app-mounted`, removed
 * at once (full teardown, the default), resolving `{ ms, timing }` (the
 * element's `mountTiming`). `window.mountReady` is set once it is defined.
 * @param {string} moduleUrl
 * @param {string} src The app's entry URL.
 * @param {string} name The element's name attribute.
 */
export const mountPageHtml = (moduleUrl, src, name) => `<!doctype html><html><body><script type="module">
import '${moduleUrl}';
window.mountOnce = () => new Promise((resolve, reject) => {
  const el = document.createElement('micro-app');
  el.setAttribute('name', ${JSON.stringify(name)});
  el.setAttribute('src', ${JSON.stringify(src)});
  const t0 = performance.now();
  el.addEventListener('micro-app-mounted', () => { const ms = performance.now() - t0; const timing = el.mountTiming; el.remove(); resolve({ ms, timing }); }, { once: true });
  el.addEventListener('micro-app-error', (e) => reject(new Error(e.error.message)), { once: true });
  document.body.append(el);
});
window.mountReady = true;
</script></body></html>`;
