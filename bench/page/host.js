/**
 * Entry of every bench host page: `/bench/page/host.js?shell=<name>` loads the
 * adapter of one shell, runs its setup and exposes it as `window.benchShell`.
 * `window.benchReady` turns true (or `window.benchError` is set) when done.
 */
const shell = new URL(import.meta.url).searchParams.get('shell');
try {
  const adapter = await import(`./${shell}.js`);
  await adapter.setup?.();
  window.benchShell = adapter;
  window.benchReady = true;
} catch (error) {
  window.benchError = `${shell}: setup failed: ${error?.message ?? error}`;
}
