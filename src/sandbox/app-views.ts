/**
 * The app's `window` and `document` are Portico's objects, not the
 * browser's: a native API handed one throws "parameter 1 is not of type
 * 'Node'" (lit's `document.createTreeWalker(document, 129)`, Chart.js's
 * `new MutationObserver(cb).observe(document, …)`), or "… is not of type
 * 'Window'" (`new MouseEvent('click', { view: window })`). This registry
 * says which browser object each stands for, so every place where Portico
 * hands a native its arguments (bind-native.ts, the sandbox's own classes,
 * node-arguments.ts) can swap them in:
 * - the app's document means its tree: its shadow root (a walker, an
 *   observer or a range over "the document" covers the app's nodes), or the
 *   page's document where the browser means the viewport
 *   (`IntersectionObserver`'s `root`);
 * - the app's window means the page's window (the one viewport, event
 *   `view`s, message `source`s).
 */
interface Stand {
  /** The app's tree (for a document) or the page's window (for a window). */
  tree: Node | Window;
  /** What the browser means by it as a viewport: the page's document or window. */
  page: Node | Window;
}

const views = new WeakMap<object, Stand>();

/** Dictionary members of native constructors that take a Node or a Window (UIEventInit.view, MessageEventInit.source…). */
const MEMBERS = ['view', 'source', 'relatedTarget', 'root', 'startContainer', 'endContainer', 'target'] as const;

/** Records an app's window and document; returns the undo. */
export function registerAppViews(views_: { window: object; document: object; tree: Node }): () => void {
  views.set(views_.window, { tree: window, page: window });
  views.set(views_.document, { tree: views_.tree, page: document });
  return () => {
    views.delete(views_.window);
    views.delete(views_.document);
  };
}

/** Whether `value` is an app's window or document. */
export function isAppView(value: unknown): boolean {
  return typeof value === 'object' && value !== null && views.has(value);
}

/** The browser object an app's window or document stands for (`as: 'page'` for the viewport sense); anything else as it is. */
export function toNative<T>(value: T, as: keyof Stand = 'tree'): T {
  if (typeof value !== 'object' || value === null) return value;
  const stand = views.get(value);
  return stand ? (stand[as] as T) : value;
}

/**
 * `args` with every app view swapped for its browser object, looking one
 * level into plain dictionaries for the members natives read as a Node or
 * Window. Returns `args` itself when there is nothing to swap (the common,
 * allocation-free case).
 */
export function nativeArgs(args: unknown[]): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== 'object' || arg === null) continue;
    const swapped = views.has(arg) ? toNative(arg) : nativeDictionary(arg);
    if (swapped !== arg) (out ??= [...args])[i] = swapped;
  }
  return out ?? args;
}

/**
 * A dictionary with its Node/Window members swapped (`IntersectionObserver`'s
 * `root: document` means the viewport), or the same object. Only plain
 * objects are looked into, and only for the known member names.
 */
export function nativeDictionary<T>(dictionary: T): T {
  if (typeof dictionary !== 'object' || dictionary === null || Object.getPrototypeOf(dictionary) !== Object.prototype) return dictionary;
  let copy: Record<string, unknown> | undefined;
  for (const member of MEMBERS) {
    const value = (dictionary as Record<string, unknown>)[member];
    if (!isAppView(value)) continue;
    (copy ??= { ...(dictionary as Record<string, unknown>) })[member] = toNative(value, member === 'root' ? 'page' : 'tree');
  }
  return (copy ?? dictionary) as T;
}

const nativeSource = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'source')!.get!;

/**
 * Runs `listener` for an event the page's window received, as the app sees
 * it: a message whose `source` is the page's window (the app's own
 * `postMessage`) reads as coming from the app's window, so
 * `event.source === window` holds as standalone (setImmediate polyfills,
 * postMessage bridges check it). Listeners of the host, which run before or
 * after, see the native value.
 */
export function callAsApp(event: Event, appWindow: object, listener: () => void): void {
  if (!(event instanceof MessageEvent) || nativeSource.call(event) !== window) return listener();
  Object.defineProperty(event, 'source', { configurable: true, value: appWindow });
  try {
    listener();
  } finally {
    delete (event as { source?: unknown }).source;
  }
}
