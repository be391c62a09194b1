import type { AppApi } from '../../bus/app-channel.js';
import { microAppGlobalData } from './micro-app-global.js';
import { wujieBus } from './wujie-bus.js';

/**
 * `window.microApp` as micro-app (jd-opensource/micro-app, docs/zh-cn/data.md)
 * gives its sub-apps, backed by Portico's app channel: `getData`,
 * `addDataListener(cb, autoTrigger)`, `removeDataListener`,
 * `clearDataListener` and `dispatch(data)` (heard by the host as a
 * `micro-app-message` event with topic `data`), and the global-data methods
 * over the page's default store (micro-app-global.ts).
 */
export function microAppGlobal(api: AppApi): Record<string, unknown> {
  const subscriptions = new Map<Function, () => void>();
  return {
    getData: () => api.data,
    addDataListener(listener: (data: unknown) => void, autoTrigger?: boolean) {
      if (subscriptions.has(listener)) return;
      subscriptions.set(listener, api.onData(listener, !!autoTrigger));
    },
    removeDataListener(listener: (data: unknown) => void) {
      subscriptions.get(listener)?.();
      subscriptions.delete(listener);
    },
    clearDataListener() {
      for (const off of subscriptions.values()) off();
      subscriptions.clear();
    },
    dispatch: (data: unknown) => api.dispatch('data', data),
    ...microAppGlobalData(api.store()),
  };
}

/**
 * `window.$wujie` as wujie (Tencent/wujie, docs/guide/variable.md) gives its
 * sub-apps: `props`, `bus` (wujie-bus.ts, over the page's bus) and
 * `shadowRoot` (the app's own root).
 */
export function wujieGlobal(api: AppApi, shadowRoot: ShadowRoot): Record<string, unknown> {
  return {
    get props() {
      return api.data;
    },
    bus: wujieBus(api.bus),
    shadowRoot,
  };
}
