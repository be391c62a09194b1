import { PorticoError, toPorticoError } from '../errors.js';
import { callHook } from '../loader/lifecycles.js';
import type { RunningApp } from './start-app.js';

/** Calls the app's `unmount` lifecycle, if it has one; a rejection or timeout comes back as a PorticoError, never thrown. */
export async function callUnmount(app: RunningApp, timeout: number): Promise<PorticoError | undefined> {
  if (!app.lifecycles?.unmount) return undefined;
  try {
    const outcome = await callHook(app.lifecycles.unmount, app.props, timeout);
    if (outcome === 'timeout') return new PorticoError(app.name, 'PORTICO_LIFECYCLE_TIMEOUT', `unmount() did not settle within ${timeout} ms`);
  } catch (thrown) {
    return toPorticoError(app.name, 'PORTICO_LIFECYCLE_REJECTED', 'unmount() rejected', thrown);
  }
  return undefined;
}

/**
 * Tears an app down completely: its `unmount` lifecycle (when it was
 * mounted), its `pagehide`/`unload` listeners, then its sandbox (timers,
 * listeners, globals) and its tree (DOM and styles). Never throws: an
 * unmount that fails is returned for reporting, and teardown goes on.
 */
export async function stopApp(app: RunningApp, options: { callUnmount: boolean; timeout: number }): Promise<PorticoError | undefined> {
  const error = options.callUnmount ? await callUnmount(app, options.timeout) : undefined;
  // Each step runs even if one before it fails: teardown must finish.
  const steps = [
    () => app.sandbox.fire('window', 'pagehide'),
    () => app.sandbox.fire('window', 'unload'),
    () => app.channel.dispose(),
    () => (app.report = app.sandbox.dispose()),
    () => app.modules?.release(),
    () => app.tree.html.remove(),
    () => app.carrier.remove(),
  ];
  for (const step of steps) {
    try {
      step();
    } catch (thrown) {
      reportError(thrown);
    }
  }
  return error;
}
