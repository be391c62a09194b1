/**
 * Stable error codes. They are public API: hosts switch on them, docs link to
 * them, and tests assert them. Never renumber or rename one.
 */
export type PorticoErrorCode =
  | 'PORTICO_ENTRY_HTTP'
  | 'PORTICO_ENTRY_NETWORK'
  | 'PORTICO_ENTRY_TIMEOUT'
  | 'PORTICO_ENTRY_NOT_HTML'
  | 'PORTICO_ENTRY_EMPTY'
  | 'PORTICO_SCRIPT_HTTP'
  | 'PORTICO_SCRIPT_SYNTAX'
  | 'PORTICO_SCRIPT_THROW'
  | 'PORTICO_LIFECYCLE_REJECTED'
  | 'PORTICO_LIFECYCLE_TIMEOUT'
  | 'PORTICO_ATTRIBUTE_MISSING'
  | 'PORTICO_ORIGIN_REFUSED'
  | 'PORTICO_APP_UNCAUGHT'
  | 'PORTICO_BUS_NO_RESPONDER'
  | 'PORTICO_BUS_TIMEOUT'
  | 'PORTICO_BUS_RESPONDER_REJECTED'
  | 'PORTICO_BUS_UNCLONEABLE'
  | 'PORTICO_STORE_FORBIDDEN'
  | 'PORTICO_STORE_MISSING';

/** What to do about each code, appended to the message so the fix travels with the error. */
const ADVICE: Record<PorticoErrorCode, string> = {
  PORTICO_ENTRY_HTTP: 'Check that the src URL is right and that the sub-app server is up.',
  PORTICO_ENTRY_NETWORK:
    'The entry could not be fetched: the server is unreachable or does not send CORS headers (Access-Control-Allow-Origin) to this origin.',
  PORTICO_ENTRY_TIMEOUT: 'The entry took longer than the timeout attribute allows; raise it or fix the server.',
  PORTICO_ENTRY_NOT_HTML: 'The src must point at an HTML page (Content-Type text/html), not at a script or data.',
  PORTICO_ENTRY_EMPTY: 'The entry answered, but with no HTML content to mount.',
  PORTICO_SCRIPT_HTTP: 'A script of the sub-app could not be fetched; check its URL and CORS headers.',
  PORTICO_SCRIPT_SYNTAX: 'A script of the sub-app does not parse; check the build that produced it.',
  PORTICO_SCRIPT_THROW: "A script of the sub-app threw while it ran; the error's cause holds the original exception.",
  PORTICO_LIFECYCLE_REJECTED: "A lifecycle function of the sub-app threw or rejected; see the error's cause.",
  PORTICO_LIFECYCLE_TIMEOUT: 'A lifecycle function of the sub-app did not settle in time.',
  PORTICO_ATTRIBUTE_MISSING: 'Give the <micro-app> element both a name and a src attribute.',
  PORTICO_APP_UNCAUGHT:
    "The app's code threw (or left a promise rejected) outside Portico's calls; the app keeps running. The error's cause holds the original.",
  PORTICO_ORIGIN_REFUSED:
    "The host's origin policy (setOriginPolicy or <meta name=\"portico-allowed-origins\">) does not allow this origin; add it there if it is trusted.",
  PORTICO_BUS_NO_RESPONDER:
    'Nothing answers this topic: register a responder with bus.respond(topic, handler), in the host or in a mounted app, before requesting.',
  PORTICO_BUS_TIMEOUT: "The responder did not answer in time; raise the request's timeout option or make the responder settle.",
  PORTICO_BUS_RESPONDER_REJECTED: "The responder threw or rejected; the error's cause holds what it threw.",
  PORTICO_BUS_UNCLONEABLE:
    'Bus messages and store values cross apps as structured clones: send plain data (objects, arrays, Map, Date…), not functions, DOM nodes or class instances.',
  PORTICO_STORE_FORBIDDEN: "The <micro-store> permissions do not let this app do that; change the store's permissions property or let an allowed app do it.",
  PORTICO_STORE_MISSING: 'Declare <micro-store name="…"> in the host page (connected before the app uses it); a store without a name is "global".',
};

/**
 * The one error type Portico raises and reports. Its message names the
 * library, the app and a stable code, then says how to fix it:
 * `[portico] app "orders": entry https://… answered 404 (PORTICO_ENTRY_HTTP). Check that …`
 */
export class PorticoError extends Error {
  override name = 'PorticoError';
  /** The stable code, e.g. `PORTICO_ENTRY_HTTP`. */
  readonly code: PorticoErrorCode;
  /** The `name` of the `<micro-app>` the error belongs to. */
  readonly app: string;

  constructor(app: string, code: PorticoErrorCode, what: string, cause?: unknown) {
    super(`[portico] app "${app}": ${what} (${code}). ${ADVICE[code]}`, cause === undefined ? undefined : { cause });
    this.code = code;
    this.app = app;
  }
}

/** Wraps anything thrown into a PorticoError, keeping an existing one as it is. */
export function toPorticoError(app: string, code: PorticoErrorCode, what: string, thrown: unknown): PorticoError {
  if (thrown instanceof PorticoError) return thrown;
  const detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return new PorticoError(app, code, `${what}: ${detail}`, thrown);
}
