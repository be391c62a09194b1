/**
 * A wait that ends after `ms`, or as soon as `signal` aborts, whichever
 * comes first. `clear()` drops its timer and its listener on the signal: a
 * wait raced against an app's work (its `mount()`, its stylesheets) must
 * not keep that app reachable once the race is over or the element went.
 */
export function deadline(ms: number, signal?: AbortSignal): { ended: Promise<'timeout' | 'aborted'>; clear(): void } {
  let clear = () => {};
  const ended = new Promise<'timeout' | 'aborted'>((resolve) => {
    if (signal?.aborted) return resolve('aborted');
    const timer = setTimeout(() => resolve('timeout'), ms);
    const abort = () => resolve('aborted');
    signal?.addEventListener('abort', abort, { once: true });
    clear = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };
  });
  return { ended, clear };
}
