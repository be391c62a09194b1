/**
 * Native window methods (`setTimeout`, `fetch`, `requestAnimationFrame`,
 * `getComputedStyle`…) throw "Illegal invocation" unless called on the real
 * window. When app code reads one through the proxy and calls it unbound
 * (`const raf = window.requestAnimationFrame; raf(cb)`), it must still work,
 * so such functions are handed out bound.
 *
 * The bound copy must pass for the original: same `name` and `length`, its
 * static properties, its `prototype`, and a `toString()` that says
 * `[native code]` (Vue 2's `isNative` checks that). Constructors and classes
 * (anything with a `prototype`) are returned as they are: they do not need a
 * receiver, and binding would break `instanceof` and subclassing.
 *
 * The bound copy also accepts the app's own `window` and `document` wherever
 * the native takes a Window or a Node (`document.createTreeWalker(document)`,
 * `createNodeIterator`, `importNode`…): see app-views.ts.
 */
import { nativeArgs } from './app-views.js';

const cache = new WeakMap<object, WeakMap<object, Function>>();
/** The copies made here: handed back as they are if they come through again. */
const copies = new WeakSet<Function>();

/** Returns `fn` bound to `receiver`, cached so `win.fetch === win.fetch`. */
export function bindNative<T>(fn: T, receiver: object): T {
  if (typeof fn !== 'function' || 'prototype' in fn || isBoundAlready(fn)) return fn;
  let perReceiver = cache.get(receiver);
  if (!perReceiver) cache.set(receiver, (perReceiver = new WeakMap()));
  const hit = perReceiver.get(fn);
  if (hit) return hit as T;
  const native = fn as Function;
  // Bound, so `Function.prototype.toString` says `[native code]` (lodash's isNative reads it so), over a
  // method (no `prototype`, not `new`-able, like the native) that swaps the app's window and document
  // among the arguments for what they stand for (see app-views.ts).
  const swap = {
    call(this: object, ...args: unknown[]) {
      return Reflect.apply(native, this, nativeArgs(args));
    },
  }.call;
  const bound = Function.prototype.bind.call(swap, receiver) as Function;
  Reflect.defineProperty(bound, 'length', { value: native.length, configurable: true });
  for (const key of Reflect.ownKeys(fn)) {
    if (key === 'length' || key === 'name' || key === 'prototype' || key === 'caller' || key === 'arguments') continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(fn, key);
    if (descriptor) Reflect.defineProperty(bound, key, descriptor);
  }
  Reflect.defineProperty(bound, 'name', { value: (fn as Function).name, configurable: true });
  const source = Function.prototype.toString.call(fn);
  Reflect.defineProperty(bound, 'toString', { value: () => source, configurable: true, writable: true });
  perReceiver.set(fn, bound);
  copies.add(bound);
  return bound as T;
}

function isBoundAlready(fn: Function): boolean {
  return copies.has(fn) || fn.name.startsWith('bound ');
}
