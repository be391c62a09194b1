/**
 * Portico: a micro-frontend shell made of Web Components. Importing this
 * module defines `<micro-app>` and `<micro-store>`.
 */
import { defineMicroApp, defineMicroStore } from './elements/define.js';

export { MicroAppElement } from './elements/micro-app.js';
export type { MicroAppProps } from './elements/start-app.js';
export { defineMicroApp, defineMicroStore } from './elements/define.js';
export { MicroStoreElement } from './elements/micro-store.js';
export type { StorePersistence } from './elements/micro-store.js';
export { MicroStoreChangeEvent } from './bus/store-events.js';
export { busFor } from './bus/portal.js';
export type { AnyRequest, AppBus, BusEnd, BusMessage, ListenOptions, MicroBus, RequestContext, RequestOf, RequestOptions, ResponseOf, TopicOf } from './bus/types.js';
export type { KeyChange, StoreChange, StoreState, StoreView, SubscribeOptions } from './bus/store-types.js';
export type { AccessMode, AppList, KeyRule, StorePermissions } from './bus/permissions.js';
export { MicroAppStatusEvent, MicroAppErrorEvent, MicroAppMessageEvent, MicroAppVisibilityEvent } from './elements/events.js';
export { prefetch } from './elements/app-assets.js';
export { releaseParkedApps, setParkingLimit } from './elements/app-pool.js';
export { setOriginPolicy } from './elements/origin-policy.js';
export type { LeakReport } from './sandbox/leak-report.js';
export type { MountTiming } from './loader/mount-timing.js';
export type { MicroAppStatus } from './elements/lifecycle.js';
export { PorticoError } from './errors.js';
export type { PorticoErrorCode } from './errors.js';
export type { AppApi } from './bus/app-channel.js';
export type { Lifecycles } from './loader/lifecycles.js';

defineMicroApp();
defineMicroStore();
