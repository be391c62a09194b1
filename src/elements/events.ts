import type { PorticoError } from '../errors.js';
import type { MicroAppStatus } from './lifecycle.js';

/** Event names are `micro-app-<status>`: lowercase kebab, so every framework binds them declaratively. */
export type MicroAppStatusEventType =
  | 'micro-app-loading'
  | 'micro-app-mounting'
  | 'micro-app-mounted'
  | 'micro-app-unmounting'
  | 'micro-app-unmounted';

/**
 * Fired on a `<micro-app>` at each lifecycle step. Bubbles and is composed, so
 * a portal can listen once on `document` for every app.
 */
export class MicroAppStatusEvent extends Event {
  /** The app's `name`. */
  readonly app: string;
  /** The status just entered. */
  readonly status: MicroAppStatus;
  /** The status just left. */
  readonly previous: MicroAppStatus;

  constructor(app: string, status: Exclude<MicroAppStatus, 'idle' | 'error'>, previous: MicroAppStatus) {
    super(`micro-app-${status}`, { bubbles: true, composed: true });
    this.app = app;
    this.status = status;
    this.previous = previous;
  }
}

/**
 * Fired when a sub-app fails to load, run or mount. `error.code` is stable
 * (`PORTICO_ENTRY_HTTP`, …). Cancelable: `preventDefault()` stops Portico from
 * also logging it to the console.
 */
export class MicroAppErrorEvent extends Event {
  readonly app: string;
  readonly error: PorticoError;

  constructor(app: string, error: PorticoError) {
    super('micro-app-error', { bubbles: true, composed: true, cancelable: true });
    this.app = app;
    this.error = error;
  }
}

/**
 * A message a sub-app sends up to its host (`window.__PORTICO__.dispatch(type, detail)`
 * inside the app). The host hears it on the `<micro-app>` element as
 * `micro-app-message`; `detail` is a structured clone, so the app cannot be
 * reached through it.
 */
export class MicroAppMessageEvent extends Event {
  readonly app: string;
  readonly topic: string;
  readonly detail: unknown;

  constructor(app: string, topic: string, detail: unknown) {
    super('micro-app-message', { bubbles: true, composed: true });
    this.app = app;
    this.topic = topic;
    this.detail = detail;
  }
}

/**
 * Fired on a `keep-alive` `<micro-app>` when leaving its route hides the app
 * (`micro-app-hidden`: DOM, state and sandbox kept) and when coming back
 * shows it again (`micro-app-shown`). `status` stays `mounted` throughout.
 */
export class MicroAppVisibilityEvent extends Event {
  /** The app's `name`. */
  readonly app: string;
  /** Whether the app is now hidden. */
  readonly hidden: boolean;

  constructor(app: string, hidden: boolean) {
    super(hidden ? 'micro-app-hidden' : 'micro-app-shown', { bubbles: true, composed: true });
    this.app = app;
    this.hidden = hidden;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'micro-app-hidden': MicroAppVisibilityEvent;
    'micro-app-shown': MicroAppVisibilityEvent;
    'micro-app-loading': MicroAppStatusEvent;
    'micro-app-mounting': MicroAppStatusEvent;
    'micro-app-mounted': MicroAppStatusEvent;
    'micro-app-unmounting': MicroAppStatusEvent;
    'micro-app-unmounted': MicroAppStatusEvent;
    'micro-app-error': MicroAppErrorEvent;
    'micro-app-message': MicroAppMessageEvent;
  }
}
