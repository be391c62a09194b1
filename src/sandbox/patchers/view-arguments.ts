import { nativeArgs } from '../app-views.js';
import { addClaim } from '../fallback-proxy.js';
import type { Patcher } from '../types.js';
import { lookNative, nativeSubclass } from './native-class.js';

/** Classes whose constructor or methods take a Node or a Window the app may give as its own document or window. */
const CLASSES = [
  'UIEvent', 'MouseEvent', 'PointerEvent', 'WheelEvent', 'DragEvent', 'KeyboardEvent', 'FocusEvent', 'InputEvent',
  'CompositionEvent', 'TouchEvent', 'Touch', 'MessageEvent', 'Range', 'StaticRange', 'XMLSerializer',
];

/** {@link CLASSES} for the lookup every miss of the app's window makes. */
const CLASS_NAMES = new Set<PropertyKey>(CLASSES);

type Class = abstract new (...args: any[]) => object;

/** Page-wide, made on first use: the sandbox-local classes, by name. */
const classes = new Map<string, Class>();
let walkerPrototype: object | undefined;

/**
 * Gives the app classes and factories that accept its own `window` and
 * `document` where the browser's take a Window or a Node (see
 * app-views.ts): `new MouseEvent('click', { view: window })` and the other
 * UI events, `new MessageEvent('message', { source: window })`,
 * `new Range()` and `document.createRange()` (whose methods take the app's
 * document as its tree), `document.createEvent('MouseEvents')` and its
 * `initMouseEvent(…, window, …)`, `document.createTreeWalker(document)` and
 * its `currentNode = document` (lit does both), and
 * `new XMLSerializer().serializeToString(document)`.
 *
 * The classes are subclasses of the real ones (`instanceof` either way,
 * statics and `toString()` unchanged), and objects the app's document makes
 * get a prototype of their own that inherits the native one: nothing of
 * the host's prototypes changes. They are shared by every app (they hold
 * no app state) and made when an app first uses one (a window override
 * claimed on first touch); the app's `window` and `document` overrides go
 * at teardown.
 */
export const patchViewArguments: Patcher = (target) => {
  const claimed: string[] = [];
  const unclaim = addClaim(target.overrides.claims.window, {
    moduleNames: CLASSES,
    claim(key) {
      const Sub = CLASS_NAMES.has(key) ? localClass(key as string) : undefined;
      if (!Sub) return false;
      target.overrides.window.set(key, Sub);
      claimed.push(key as string);
      return true;
    },
  });
  const real = document;
  const make = <T extends object>(object: T): T => {
    const proto = localPrototype(Object.getPrototypeOf(object));
    return proto ? Object.setPrototypeOf(object, proto) : object;
  };
  const factories: Record<string, Function> = {
    createRange: () => make(real.createRange()),
    createEvent: (type: string) => make(real.createEvent(type)),
    createTreeWalker: (...args: unknown[]) =>
      Object.setPrototypeOf((real.createTreeWalker as Function).apply(real, nativeArgs(args)), localWalkerPrototype()),
  };
  for (const [name, fn] of Object.entries(factories)) {
    target.overrides.document.set(name, lookNative(fn, name, (real[name as keyof Document] as Function).length));
  }
  return () => {
    unclaim();
    for (const name of claimed) target.overrides.window.delete(name);
    for (const name of Object.keys(factories)) target.overrides.document.delete(name);
  };
};

/** The sandbox-local subclass of the host's class `name`, made once per page. */
function localClass(name: string): Class | undefined {
  const made = classes.get(name);
  if (made) return made;
  const Base = (window as unknown as Record<string, Class | undefined>)[name];
  if (typeof Base !== 'function') return undefined;
  const Sub = nativeSubclass(Base, nativeArgs, () => {});
  swapArguments(Sub.prototype, Base.prototype);
  classes.set(name, Sub);
  return Sub;
}

/** The local prototype for an object of one of {@link CLASSES} (a range or an event the app's document made). */
function localPrototype(native: { constructor: { name: string } }): object | undefined {
  const name = native.constructor.name;
  return CLASS_NAMES.has(name) ? localClass(name)?.prototype : undefined;
}

/** TreeWalker has no constructor; a walker from the app's document gets this prototype. */
function localWalkerPrototype(): object {
  if (walkerPrototype) return walkerPrototype;
  walkerPrototype = Object.create(TreeWalker.prototype) as object;
  const current = Object.getOwnPropertyDescriptor(TreeWalker.prototype, 'currentNode')!;
  Object.defineProperty(walkerPrototype, 'currentNode', {
    configurable: true,
    enumerable: true,
    get: current.get,
    set(this: TreeWalker, node: unknown) {
      current.set!.call(this, nativeArgs([node])[0]);
    },
  });
  return walkerPrototype;
}

/** Defines on `local` a copy of each of `native`'s own methods that swaps the app's views among its arguments. */
function swapArguments(local: object, native: object): void {
  for (const key of Object.getOwnPropertyNames(native)) {
    const descriptor = Object.getOwnPropertyDescriptor(native, key)!;
    if (key === 'constructor' || typeof descriptor.value !== 'function') continue;
    const method = descriptor.value as Function;
    const copy = lookNative(
      {
        [key](this: object, ...args: unknown[]) {
          return Reflect.apply(method, this, nativeArgs(args));
        },
      }[key]!,
      key,
      method.length,
    );
    Object.defineProperty(local, key, { ...descriptor, value: copy });
  }
}
