/** What the compatibility globals are computed from. */
export interface CompatInfo {
  /** The app's name. */
  name: string;
  /** The entry's final URL. */
  url: string;
  /** The directory of the entry, with a trailing slash: where its assets live. */
  publicPath: string;
  /** The host path the app is active under (`route`), or '' when always active. */
  baseRoute: string;
}

/**
 * The globals that sub-apps written for qiankun, micro-app and wujie look for
 * to know they run inside a shell and where their assets are. Setting them
 * lets such apps run unchanged: a qiankun app exports its lifecycles instead
 * of rendering at once, a webpack app sets `__webpack_public_path__` from
 * `__INJECTED_PUBLIC_PATH_BY_QIANKUN__`, and so on.
 */
export function compatGlobals({ name, url, publicPath, baseRoute }: CompatInfo): Record<string, unknown> {
  return {
    __POWERED_BY_PORTICO__: true,
    // qiankun (src/loader.ts, import-html-entry)
    __POWERED_BY_QIANKUN__: true,
    __INJECTED_PUBLIC_PATH_BY_QIANKUN__: publicPath,
    // micro-app (src/sandbox/with/index.ts initStaticGlobalKeys)
    __MICRO_APP_ENVIRONMENT__: true,
    __MICRO_APP_NAME__: name,
    __MICRO_APP_URL__: url,
    __MICRO_APP_PUBLIC_PATH__: publicPath,
    __MICRO_APP_BASE_ROUTE__: baseRoute,
    __MICRO_APP_BASE_APPLICATION__: false,
    // wujie (docs/guide/variable.md)
    __POWERED_BY_WUJIE__: true,
    __WUJIE_PUBLIC_PATH__: publicPath,
  };
}
