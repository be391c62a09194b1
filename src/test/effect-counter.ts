/**
 * Counts, from the host's side, the listeners on `window` and `document` and
 * the pending timers, intervals and animation frames: what a sub-app could
 * leave behind. It wraps the host's own functions for the duration of a test
 * (test code only; Portico never does this) and `restore()` puts them back.
 */
export function countEffects() {
  const listeners = new Map<EventTarget, Set<string>>([
    [window, new Set()],
    [document, new Set()],
  ]);
  const ids = new WeakMap<object, number>();
  let next = 0;
  const keyOf = (type: string, listener: unknown, options?: boolean | EventListenerOptions) => {
    if (!ids.has(listener as object)) ids.set(listener as object, ++next);
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    return `${type}|${ids.get(listener as object)}|${capture}`;
  };
  const timers = new Set<number>();
  const frames = new Set<number>();

  const proto = EventTarget.prototype;
  const saved = {
    add: proto.addEventListener,
    remove: proto.removeEventListener,
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    raf: window.requestAnimationFrame,
    caf: window.cancelAnimationFrame,
  };
  proto.addEventListener = function (this: EventTarget, type: string, listener: any, options?: any) {
    if (listener && typeof options === 'object' && options?.once) {
      // A once-listener removes itself when it fires; count it as gone then.
      const key = keyOf(type, listener, options);
      const set = listeners.get(this);
      set?.add(key);
      const wrapped = function (this: unknown, event: Event) {
        set?.delete(key);
        return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      };
      return saved.add.call(this, type, wrapped, options);
    }
    if (listener) listeners.get(this)?.add(keyOf(type, listener, options));
    return saved.add.call(this, type, listener, options);
  };
  proto.removeEventListener = function (this: EventTarget, type: string, listener: any, options?: any) {
    if (listener) listeners.get(this)?.delete(keyOf(type, listener, options));
    return saved.remove.call(this, type, listener, options);
  };
  window.setTimeout = ((handler: any, delay?: number, ...args: unknown[]) => {
    const id: number = saved.setTimeout.call(window, (...a: unknown[]) => {
      timers.delete(id);
      if (typeof handler === 'function') handler(...a);
    }, delay, ...args);
    timers.add(id);
    return id;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    timers.delete(id!);
    saved.clearTimeout.call(window, id);
  }) as typeof clearTimeout;
  window.setInterval = ((handler: any, delay?: number, ...args: unknown[]) => {
    const id = saved.setInterval.call(window, handler, delay, ...args);
    timers.add(id);
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    timers.delete(id!);
    saved.clearInterval.call(window, id);
  }) as typeof clearInterval;
  window.requestAnimationFrame = (callback) => {
    const id = saved.raf.call(window, (t) => {
      frames.delete(id);
      callback(t);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    frames.delete(id);
    saved.caf.call(window, id);
  };

  return {
    /** The event types of the listeners now on `window` and `document` (one entry per listener). */
    types: () => ({
      window: [...listeners.get(window)!].map((key) => key.split('|')[0]!).sort(),
      document: [...listeners.get(document)!].map((key) => key.split('|')[0]!).sort(),
    }),
    snapshot: () => ({
      windowListeners: listeners.get(window)!.size,
      documentListeners: listeners.get(document)!.size,
      timers: timers.size,
      frames: frames.size,
    }),
    restore() {
      proto.addEventListener = saved.add;
      proto.removeEventListener = saved.remove;
      window.setTimeout = saved.setTimeout;
      window.clearTimeout = saved.clearTimeout;
      window.setInterval = saved.setInterval;
      window.clearInterval = saved.clearInterval;
      window.requestAnimationFrame = saved.raf;
      window.cancelAnimationFrame = saved.caf;
    },
  };
}
