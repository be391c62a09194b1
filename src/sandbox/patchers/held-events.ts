/**
 * Holds what reaches a parked app from outside (a message on its
 * MessagePort or BroadcastChannel, a worker's reply, a request that
 * finishes) until it is mounted again, so a parked app runs none of its code
 * and loses nothing. Events that arrive while it sleeps are stopped before
 * any of the app's listeners or `on*` handlers and dispatched again, as
 * copies, on `wake()`, in the order they came; callbacks deferred with
 * `later` (a `fetch` that settles) run then too.
 */
export interface Hold {
  /** True between `sleep()` and `wake()`. */
  readonly asleep: boolean;
  /**
   * Watches `types` of events on `source`. Call it as soon as `source`
   * exists: its capture listeners then come before any the app adds, so they
   * run first at the target (https://dom.spec.whatwg.org/#concept-event-listener-invoke).
   */
  watch(source: EventTarget, types: readonly string[]): void;
  /** Runs `fn` now, or on `wake()` while asleep. */
  later(fn: () => void): void;
  sleep(): void;
  /** Replays what was held, in order. */
  wake(): void;
  /** Forgets what was held (teardown): it never reaches the app. */
  clear(): void;
}

/** Creates one patcher's hold. */
export function createHold(): Hold {
  let asleep = false;
  let queue: Array<() => void> = [];
  const replaying = new WeakSet<Event>();
  const stop = (event: Event) => {
    if (!asleep || replaying.has(event)) return;
    event.stopImmediatePropagation();
    const { currentTarget } = event;
    const copy = copyOf(event);
    replaying.add(copy);
    queue.push(() => currentTarget?.dispatchEvent(copy));
  };
  const hold: Hold = {
    get asleep() {
      return asleep;
    },
    watch(source, types) {
      for (const type of types) source.addEventListener(type, stop, true);
    },
    later(fn) {
      if (asleep) queue.push(fn);
      else fn();
    },
    sleep: () => void (asleep = true),
    wake() {
      asleep = false;
      const due = queue;
      queue = [];
      for (const fn of due) {
        try {
          fn();
        } catch (error) {
          reportError(error);
        }
      }
    },
    clear: () => void (queue = []),
  };
  return hold;
}

/** A dispatchable copy of a held event, with what its listeners read. */
function copyOf(event: Event): Event {
  const init = { bubbles: event.bubbles, cancelable: event.cancelable, composed: event.composed };
  if (event instanceof MessageEvent) {
    return new MessageEvent(event.type, { ...init, data: event.data, origin: event.origin, lastEventId: event.lastEventId, source: event.source, ports: [...event.ports] });
  }
  if (event instanceof CloseEvent) return new CloseEvent(event.type, { ...init, code: event.code, reason: event.reason, wasClean: event.wasClean });
  if (event instanceof ProgressEvent) {
    return new ProgressEvent(event.type, { ...init, lengthComputable: event.lengthComputable, loaded: event.loaded, total: event.total });
  }
  if (event instanceof ErrorEvent) return new ErrorEvent(event.type, { ...init, message: event.message, error: event.error });
  return new Event(event.type, init);
}
