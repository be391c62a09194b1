import type { Patcher } from '../types.js';

/**
 * Uncaught errors and unhandled rejections thrown by the app's code, from
 * wherever they surface (a timer, a listener, a promise chain), are reported
 * as the app's: to `target.onUncaught`, which the element turns into a
 * `micro-app-error` event on itself. The host's own `error` and
 * `unhandledrejection` handlers still run as before; nothing is swallowed.
 *
 * Attribution is by stack trace: every script Portico runs for the app is
 * named after its URL (`sourceURL`), so an error whose stack mentions the
 * app's base directory or its inline scripts (`portico://<app>/`) is the
 * app's. An error with no stack (a thrown string) cannot be attributed.
 */
export const patchUncaughtErrors: Patcher = (target) => {
  const report = target.onUncaught;
  if (!report) return () => {};
  const markers = [new URL('.', target.baseUrl).href, `portico://${encodeURIComponent(target.name)}/`];
  const ours = (error: unknown) => {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    return markers.some((marker) => stack.includes(marker));
  };
  const onError = (event: ErrorEvent) => {
    if (ours(event.error)) report(event.error);
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    if (ours(event.reason)) report(event.reason);
  };
  const attach = () => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  };
  const detach = () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
  attach();
  // A parked app runs nothing, so Portico listens for nothing of it either.
  return Object.assign(detach, { suspend: detach, resume: attach });
};
