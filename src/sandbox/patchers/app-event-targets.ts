import { addClaim } from '../fallback-proxy.js';
import type { Patcher } from '../types.js';
import { lookNative, nativeSubclass } from './native-class.js';

/**
 * Event targets that are not nodes, that an app makes with `new`, and that
 * the browser fires at later, when a file is read, a recording or an
 * utterance ends, a notification is clicked.
 */
const CLASSES = ['FileReader', 'MediaRecorder', 'Notification', 'AudioContext', 'OfflineAudioContext', 'RTCPeerConnection', 'MediaSource', 'SpeechSynthesisUtterance', 'Animation'];

/** The factories whose event targets the app gets from the host's objects. */
const FACTORIES = ['matchMedia', 'indexedDB'];

const NAMES = new Set<PropertyKey>([...CLASSES, ...FACTORIES]);

type Class = abstract new (...args: any[]) => object;

/** What the app's overrides record, for ownership and teardown. */
interface Made {
  mark<T extends object>(object: T): T;
  /** The names of the databases the app opened or deleted. */
  databases: Set<string>;
  /** The app's `indexedDB.open` requests: their connections close with it. */
  opens: Set<IDBOpenDBRequest>;
}

/**
 * Tells the host guard which non-node event targets are the app's, so that
 * an `addEventListener` the app patched on `EventTarget.prototype` (zone.js)
 * serves them, and the host's original serves the rest (host-guard.ts).
 * Without this, zone.js never saw the app's FileReader `load`, IndexedDB
 * `success` or media query `change` listeners, and an Angular app did not
 * update its view after them.
 *
 * The app gets, when it first names one (a window override claimed on first
 * touch, so an app that never does pays nothing):
 * - its own subclass of each of {@link CLASSES}, whose instances are marked
 *   as the app's (`instanceof` holds either way, see native-class.ts);
 * - a `matchMedia` whose lists are marked as the app's;
 * - the animations of its elements (`el.animate()`), by their effect's target;
 * - an `indexedDB` (an IDBFactory whose `open` and `deleteDatabase` are the
 *   page's) that records the names of the databases the app opens: their
 *   connections, transactions and requests are the app's, and the
 *   connections close at teardown (one left open would hold off the next
 *   mount's version upgrade: its `open` would stay `blocked`).
 * Nothing of the host's changes; the overrides go at teardown.
 */
export const patchAppEventTargets: Patcher = (target) => {
  const made = new WeakSet<object>();
  const record: Made = { mark: (object) => (made.add(object), object), databases: new Set(), opens: new Set() };
  const { databases, opens } = record;
  const claimed: PropertyKey[] = [];
  const unclaim = addClaim(target.overrides.claims.window, {
    moduleNames: [...NAMES] as string[],
    claim(key) {
      const value = NAMES.has(key) ? make(key as string, record) : undefined;
      if (value === undefined) return false;
      target.overrides.window.set(key, value);
      claimed.push(key);
      return true;
    },
  });
  // An animation of one of the app's elements (`el.animate()`, as Angular's animations make them) is the app's.
  const animates = (object: object) =>
    object instanceof Animation && (object.effect as KeyframeEffect | null)?.target?.ownerDocument === target.document;
  target.ownTargets((object) => made.has(object) || animates(object) || (databases.size > 0 && databases.has(databaseOf(object) as string)));
  return () => {
    unclaim();
    for (const key of claimed) target.overrides.window.delete(key);
    for (const request of opens) {
      if (request.readyState === 'pending') request.addEventListener('success', () => request.result.close());
      else if (!request.error) request.result.close();
    }
    opens.clear();
  };
};

/** The app's `name` (see the patcher), or undefined when this browser has none. */
function make(name: string, { mark, databases, opens }: Made): unknown {
  const host = window as unknown as Record<string, unknown>;
  const real = host[name];
  if (real === undefined || real === null) return undefined;
  if (name === 'matchMedia') return lookNative((query: string) => mark(matchMedia(query)), name, 1);
  if (name === 'indexedDB') {
    // An IDBFactory to `instanceof` and `toString`, whose methods are the page's own, called on it.
    const factory = real as Record<string, (...args: unknown[]) => unknown>;
    const local = Object.create(IDBFactory.prototype) as Record<string, unknown>;
    for (const method of ['open', 'deleteDatabase', 'databases', 'cmp']) {
      local[method] = lookNative((...args: unknown[]) => {
        const answer = factory[method]!(...args);
        if (!(answer instanceof IDBRequest)) return answer;
        databases.add(String(args[0]));
        if (method === 'open') opens.add(answer as IDBOpenDBRequest);
        return mark(answer);
      }, method, factory[method]!.length);
    }
    return local;
  }
  // Marked, not left to the sandbox's test of its own classes: that reads the window's override, which
  // the app may replace (zone.js puts its wrapper of the class there, keeping this one inside).
  return nativeSubclass(real as Class, (args) => args, mark);
}

/** The name of the database an IndexedDB connection, transaction or request belongs to. */
function databaseOf(object: object): string | undefined {
  if (object instanceof IDBDatabase) return object.name;
  if (object instanceof IDBTransaction) return object.db.name;
  if (object instanceof IDBRequest) return object.transaction?.db.name;
  return undefined;
}
