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

/**
 * Settles as `promise` does, or rejects with `signal`'s reason as soon as it
 * aborts; either way it leaves no listener on the signal. For waiting on
 * work shared with other apps (a request several instances asked for),
 * which must go on when this one's element goes.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    const done = () => signal.removeEventListener('abort', abort);
    promise.then(
      (value) => (done(), resolve(value)),
      (error) => (done(), reject(error)),
    );
  });
}
