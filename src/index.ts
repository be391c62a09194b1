/**
 * Portico: a micro-frontend shell made of Web Components. Importing this
 * module defines `<micro-app>`.
 */
import { defineMicroApp } from './elements/define.js';

export { MicroAppElement } from './elements/micro-app.js';
export type { MicroAppProps } from './elements/start-app.js';
export { defineMicroApp } from './elements/define.js';
export { MicroAppStatusEvent, MicroAppErrorEvent, MicroAppMessageEvent } from './elements/events.js';
export type { MicroAppStatus } from './elements/lifecycle.js';
export { PorticoError } from './errors.js';
export type { PorticoErrorCode } from './errors.js';
export type { AppApi } from './bus/app-channel.js';
export type { Lifecycles } from './loader/lifecycles.js';

defineMicroApp();
