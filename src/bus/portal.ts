import { createBus } from './bus.js';
import type { StoreCore } from './store.js';
import type { AnyRequest, MicroBus } from './types.js';

/**
 * What one host page offers its apps: one bus, and the `<micro-store>`
 * elements it declares, by name. Keyed by the page's `document`, which every
 * `<micro-app>` and `<micro-store>` reaches through its `ownerDocument`: two
 * pages (or iframes) never share a portal, and nothing here is a
 * module-wide singleton.
 */
export interface Portal {
  /** The page's bus; the host's end of it. */
  readonly bus: MicroBus;
  /** Connected stores by name: the first connected of each name (see `<micro-store>`). */
  readonly stores: Map<string, StoreCore>;
}

const portals = new WeakMap<Document, Portal>();

/** The portal of `document`, made on first use. */
export function portalOf(document: Document): Portal {
  let portal = portals.get(document);
  if (!portal) portals.set(document, (portal = { bus: createBus(), stores: new Map() }));
  return portal;
}

/**
 * The host's end of the bus of a page, typed with the page's topics and
 * requests. Every `<micro-app>` of that page talks on the same bus.
 *
 *   const bus = busFor<Topics, Requests>(document);
 */
export function busFor<T extends object = Record<string, unknown>, R extends object = Record<string, AnyRequest>>(document: Document): MicroBus<T, R> {
  return portalOf(document).bus as unknown as MicroBus<T, R>;
}
