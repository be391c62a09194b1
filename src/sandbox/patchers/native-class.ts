/**
 * Helpers the patchers share to hand the app sandbox-local replacements of
 * native functions and classes that still pass for the originals: same `name`,
 * a `toString()` that says `[native code]` (Vue 2's `isNative`, feature
 * sniffing), inherited static members, and a prototype chain that keeps
 * `instanceof` working.
 */

type Class = abstract new (...args: any[]) => object;

/** Gives `fn` the `name`, `length` and `toString()` of the native function called `name`. */
export function lookNative<T extends Function>(fn: T, name: string, length = fn.length): T {
  const source = `function ${name}() { [native code] }`;
  Reflect.defineProperty(fn, 'name', { value: name, configurable: true });
  Reflect.defineProperty(fn, 'length', { value: length, configurable: true });
  Reflect.defineProperty(fn, 'toString', { value: () => source, configurable: true, writable: true });
  return fn;
}

/**
 * A subclass of the native class `Base` for one sandbox: its constructor
 * passes the arguments through `prepare` (resolving URLs, wrapping callbacks)
 * and hands each instance to `created` (to record it). `x instanceof Sub` is
 * true for any instance of `Base`, so objects the host made still pass the
 * app's checks; subclasses the app derives from it keep the ordinary rule.
 */
export function nativeSubclass<T extends Class>(
  Base: T,
  prepare: (args: unknown[]) => unknown[],
  created: (instance: InstanceType<T>) => void,
): T {
  // Named through a computed key, so stack traces say `new MutationObserver`, not `new Sub`.
  const Sub = {
    [Base.name]: class extends (Base as Class) {
      constructor(...args: unknown[]) {
        // With no arguments there is nothing to prepare: the real constructor throws its own TypeError.
        super(...(args.length ? prepare(args) : args));
        created(this as InstanceType<T>);
      }

      static override [Symbol.hasInstance](value: unknown): boolean {
        return this === Sub ? value instanceof Base : Function.prototype[Symbol.hasInstance].call(this, value);
      }
    },
  }[Base.name];
  return lookNative(Sub, Base.name, Base.length) as unknown as T;
}

/** Defines a native-looking method on a sandbox-local prototype, in place of `original`. */
export function defineMethod(proto: object, original: Function, fn: Function): void {
  const value = lookNative(fn, original.name, original.length);
  Reflect.defineProperty(proto, original.name, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * The instances an app created, held weakly: an object the browser no longer
 * keeps alive (no pending activity, no observed targets) can fire nothing, so
 * there is nothing to release and no reason to keep it from being collected.
 */
export class WeakRecord<T extends object> {
  private readonly refs = new Set<WeakRef<T>>();
  private readonly registry = new FinalizationRegistry<WeakRef<T>>((ref) => this.refs.delete(ref));

  add(value: T): void {
    const ref = new WeakRef(value);
    this.refs.add(ref);
    this.registry.register(value, ref, ref);
  }

  /** Returns the instances still alive and forgets them all. */
  drain(): T[] {
    const alive: T[] = [];
    for (const ref of this.refs) {
      const value = ref.deref();
      if (value) alive.push(value);
      this.registry.unregister(ref);
    }
    this.refs.clear();
    return alive;
  }
}

/**
 * Makes `types` of events on `source` end unheard once `silent()` is true:
 * no listener or `on*` handler of the app runs, and an `error` is not
 * reported as uncaught. Call it as soon as `source` exists: its capture
 * listeners then come before any the app adds, so they run first at target.
 */
export function silence(source: EventTarget, types: readonly string[], silent: () => boolean): void {
  const stop = (event: Event) => {
    if (!silent()) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of types) source.addEventListener(type, stop, true);
}
