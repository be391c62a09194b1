/**
 * Puts back what an app changed on the host's shared prototypes.
 *
 * Some libraries patch the platform in place, on objects every app of the
 * page shares: zone.js (every zone-based Angular app) wraps
 * `EventTarget.prototype.addEventListener`, `XMLHttpRequest.prototype`'s
 * methods, the `on…` accessors of `HTMLElement.prototype` and
 * `Document.prototype`, `Promise.prototype.then`, `Function.prototype.toString`
 * and `customElements.define`; polyfills add methods; monitoring SDKs wrap
 * `open` and `send`. A sandbox cannot give an app its own copy of a prototype
 * that the host's nodes inherit from, so the app's patches are on the page
 * while it runs. Left there after the app is gone they hold its code and, for
 * zone.js, make the next mount of the same app patch on top of a dead copy of
 * itself (its clicks no longer reach its change detection).
 *
 * The guard watches a fixed list of host objects (the prototypes and
 * instances such libraries patch). It reads them when the sandbox is created
 * and again after each of the app's scripts has run (and after its lifecycle
 * calls): what changed in between is the app's, since nothing else ran
 * meanwhile. At teardown each such change is undone, unless something else
 * changed that property again since.
 */

/**
 * The host objects the guard watches. The built-ins' constructors and
 * prototypes, `EventTarget.prototype`, `XMLHttpRequest.prototype` and
 * `console` from the first sandbox on: apps reach them without going through
 * their window's fallback (built-ins are bound to every script, the app's
 * `XMLHttpRequest` is its own subclass). The others once an app first reads
 * their global from its window ({@link touchHostGlobal}): reading every `on…` accessor of the
 * element and document prototypes costs about 15 ms in a fresh page, which
 * an app that never names them should not pay.
 */
const EAGER = [Object, Array, Promise, Object.prototype, Function.prototype, Array.prototype, String.prototype, Promise.prototype];
const LAZY = new Set([
  'Node', 'Element', 'HTMLElement', 'SVGElement', 'Document', 'Event', 'HTMLMediaElement', 'HTMLBodyElement',
  'HTMLFrameSetElement', 'IDBRequest', 'IDBOpenDBRequest', 'IDBTransaction', 'IDBDatabase', 'WebSocket', 'FileReader', 'MessagePort', 'Worker', 'MutationObserver', 'IntersectionObserver',
  'ResizeObserver', 'Storage', 'CustomElementRegistry', 'HTMLCanvasElement', 'HTMLInputElement', 'HTMLFormElement',
  'ShadowRoot', 'customElements',
]);

/** An object's own properties as last read, and (for the compared ones) its methods' values, for a quick check. */
type Shape = Map<PropertyKey, PropertyDescriptor> & { methods?: [PropertyKey, unknown][] };

/**
 * Between full reads, an object is checked by its key count (polyfills add
 * keys, and zone.js adds a marker key for each method and `on…` accessor it
 * patches), except these, whose methods monitoring SDKs and loggers replace
 * without adding any: every descriptor of theirs is compared.
 */
const compared = new Set<object>([EventTarget.prototype, XMLHttpRequest.prototype, Event.prototype, Promise.prototype, Function.prototype, console]);

/** One property an app changed: what it was before (absent: added) and what the app made it (absent: deleted). */
interface Change {
  object: object;
  key: PropertyKey;
  before?: PropertyDescriptor;
  after?: PropertyDescriptor;
}

/**
 * Portico's own accessors and methods on host prototypes (patchers/owner-document.ts,
 * patchers/node-arguments.ts): they come and go with the mounted apps and are never an app's change.
 */
const porticoOwn = new WeakSet<object>();

/** Marks a function Portico itself puts on a host prototype, so that no guard takes it for an app's. */
export function markPorticoOwn<T extends object>(fn: T): T {
  porticoOwn.add(fn);
  return fn;
}

const isPorticos = (d: PropertyDescriptor | undefined) =>
  !!d && [d.value, d.get, d.set].some((f) => typeof f === 'function' && porticoOwn.has(f));

/** The page's last known state of each watched object, shared by every sandbox of the page. */
let known: Map<object, Shape> | undefined;

function watched(): Map<object, Shape> {
  if (known) return known;
  known = new Map();
  // The built-ins: polyfills' targets (their prototypes, and the statics of Object, Array and Promise). The app's XMLHttpRequest is its own subclass (patchers/network.ts), whose methods zone.js looks up the chain for.
  for (const value of [...EAGER, EventTarget.prototype, XMLHttpRequest.prototype, XMLHttpRequestEventTarget.prototype, console]) watch(value);
  return known;
}

/** Starts watching a host object; its state now is nobody's change. */
function watch(value: unknown): void {
  if (!value || (typeof value !== 'object' && typeof value !== 'function') || known!.has(value)) return;
  known!.set(value, shapeOf(value));
}

/**
 * Told of each host global an app reads from its window (the window's
 * fallback proxy): the first read of one the guard watches starts watching
 * it, before the app can have changed it.
 */
export function touchHostGlobal(key: PropertyKey, value: unknown): void {
  if (typeof key === 'string' && LAZY.has(key)) {
    watched();
    // A constructor's prototype (what its instances share); an instance (`customElements`) itself.
    watch(typeof value === 'function' ? (value as { prototype?: unknown }).prototype : value);
  }
}

function shapeOf(object: object): Shape {
  const shape: Shape = new Map();
  for (const key of Reflect.ownKeys(object)) shape.set(key, Reflect.getOwnPropertyDescriptor(object, key)!);
  if (compared.has(object)) shape.methods = [...shape].filter(([, d]) => typeof d.value === 'function').map(([key, d]) => [key, d.value]);
  return shape;
}

/**
 * Whether an object may have changed since its last read: another key
 * count, or (for the compared objects) a method that is not the same
 * function. Methods are read as properties, which is much cheaper than
 * reading descriptors; a method turned into an accessor reads as another value.
 */
function moved(object: object, shape: Shape): boolean {
  if (Reflect.ownKeys(object).length !== shape.size) return true;
  const host = object as Record<PropertyKey, unknown>;
  return !!shape.methods?.some(([key, value]) => host[key] !== value);
}

const same = (a: PropertyDescriptor | undefined, b: PropertyDescriptor | undefined) =>
  a === b ||
  (!!a && !!b && Object.is(a.value, b.value) && a.get === b.get && a.set === b.set &&
    a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable);

/** Reads every watched object again (about 0.1 ms); returns what changed since the last read and records the new state. */
function collect(): Change[] {
  const changes: Change[] = [];
  for (const [object, shape] of watched()) {
    // A quick check first: most reads find nothing changed.
    if (!moved(object, shape)) continue;
    const now = shapeOf(object);
    for (const key of new Set([...shape.keys(), ...now.keys()])) {
      const before = shape.get(key);
      const after = now.get(key);
      if (!same(before, after) && !isPorticos(before) && !isPorticos(after)) changes.push({ object, key, before, after });
    }
    known!.set(object, now);
  }
  return changes;
}

/** One sandbox's guard. */
export interface HostGuard {
  /** Takes what changed on the watched host objects since the last read as this app's doing. */
  settle(): void;
  /** Undoes the app's changes that are still in place; returns how many it undid. */
  restore(): number;
}

/**
 * A method of `EventTarget.prototype` the app replaced, as the page sees it
 * while the app runs: the app's version for the app's own nodes, the one it
 * replaced for everything else. Listeners are paired: a host listener added
 * through zone.js's `addEventListener` is registered with zone's own
 * callback, so after teardown the host's `removeEventListener` could not
 * find it. Routed, the host's listeners never go through the app's code.
 */
function route(replaced: PropertyDescriptor, app: PropertyDescriptor, owns: (target: unknown) => boolean): PropertyDescriptor {
  const mine = app.value as (...args: unknown[]) => unknown;
  const theirs = replaced.value as (...args: unknown[]) => unknown;
  const routed = {
    [mine.name || 'method'](this: unknown, ...args: unknown[]) {
      return (owns(this) ? mine : theirs).apply(this, args);
    },
  }[mine.name || 'method']!;
  return { ...app, value: routed };
}

const isMethod = (d: PropertyDescriptor | undefined) => !!d && typeof d.value === 'function';

/**
 * Creates the guard of a new sandbox: whatever changed before now is not
 * the app's. `owns(target)` tells the app's own event targets (its nodes).
 */
export function createHostGuard(owns: (target: unknown) => boolean): HostGuard {
  collect();
  const mine: Change[] = [];
  return {
    settle() {
      for (const change of collect()) {
        const { object, key, before, after } = change;
        if (object === EventTarget.prototype && isMethod(before) && isMethod(after)) {
          change.after = route(before!, after!, owns);
          Reflect.defineProperty(object, key, change.after);
          known!.get(object)!.set(key, change.after);
        }
        mine.push(change);
      }
    },
    restore() {
      // What changed since the app's last script or lifecycle call is not taken as the app's: the host
      // may have run meanwhile. (An app that patches later, from a timer, leaves that patch behind.)
      if (!mine.length) return 0;
      collect();
      let undone = 0;
      for (const change of mine.reverse()) {
        const { object, key, before, after } = change;
        // Changed again since, by someone else: theirs now.
        if (!same(Reflect.getOwnPropertyDescriptor(object, key), after)) continue;
        const ok = before ? Reflect.defineProperty(object, key, before) : Reflect.deleteProperty(object, key);
        if (ok) undone++;
      }
      mine.length = 0;
      // The page's state is the restored one: the next read must not take the undoing for someone's change.
      collect();
      return undone;
    },
  };
}
