/**
 * Entry of every bench host page: `/bench/page/host.js?shell=<name>` loads the
 * adapter of one shell, runs its setup and exposes it as `window.benchShell`,
 * plus two helpers that run several adapter calls without a round trip to the
 * harness in between: `benchMountMany(apps)` (start times, one per app) and
 * `benchSwitch(fromName, toApp)` (unmount one, mount the other; the start time,
 * taken before the unmount). `window.benchReady` turns true (or
 * `window.benchError` is set) when done.
 */
import { now } from './common.js';

const shell = new URL(import.meta.url).searchParams.get('shell');
try {
  const adapter = await import(`./${shell}.js`);
  await adapter.setup?.();
  window.benchShell = adapter;
  window.benchMountMany = async (apps) => {
    const starts = [];
    for (const app of apps) starts.push(await adapter.mount(app));
    return starts;
  };
  window.benchSwitch = async (fromName, toApp) => {
    const t0 = now();
    await adapter.unmount(fromName);
    await adapter.mount(toApp);
    return t0;
  };
  window.benchReady = true;
} catch (error) {
  window.benchError = `${shell}: setup failed: ${error?.message ?? error}`;
}
