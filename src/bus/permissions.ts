/** Which apps a rule lets in: every app (`'*'`) or the listed app names. */
export type AppList = '*' | readonly string[];

/** What one rule allows; a missing `read` or `write` means every app. */
export interface KeyRule {
  read?: AppList;
  write?: AppList;
}

/**
 * Who may read and write which keys of a `<micro-store>`, by app name. Rule
 * names are a key (`'user'`), a namespace (`'cart.*'`: every key that starts
 * with `cart.`) or `'*'` (every key). The most specific rule decides: the
 * key's own, then the longest namespace, then `'*'`. A key no rule names is
 * open to all. The host page itself is never restricted.
 *
 *   { user: { write: ['login'] }, 'cart.*': { read: ['cart', 'checkout'], write: ['cart'] }, '*': { write: [] } }
 */
export type StorePermissions = Record<string, KeyRule>;

/** What may be done to a key. */
export type AccessMode = 'read' | 'write';

/** Answers permission questions against the store's current rules. */
export interface Access {
  /** Whether `app` (`null`: the host) may `mode` `key`. */
  can(app: string | null, mode: AccessMode, key: string): boolean;
  /** Whether `app` may read every key, present or future (then it can share the store's own snapshot). */
  readsAll(app: string | null): boolean;
}

/**
 * Builds the permission checker of a store. `rules` is read on every check,
 * so changing the element's `permissions` (even in place) takes effect at once.
 */
export function createAccess(rules: () => StorePermissions | null | undefined): Access {
  const allows = (list: AppList | undefined, app: string) => list === undefined || list === '*' || list.includes(app);
  return {
    can(app, mode, key) {
      const current = rules();
      if (app === null || !current) return true;
      const rule = ruleFor(current, key);
      return !rule || allows(rule[mode], app);
    },
    readsAll(app) {
      const current = rules();
      return app === null || !current || Object.values(current).every((rule) => allows(rule?.read, app));
    },
  };
}

/** The rule that decides for `key`: its own, the longest matching `namespace.*`, then `'*'`. */
function ruleFor(rules: StorePermissions, key: string): KeyRule | undefined {
  const own = Object.prototype.hasOwnProperty.call(rules, key) ? rules[key] : undefined;
  if (own) return own;
  for (let end = key.lastIndexOf('.'); end > 0; end = key.lastIndexOf('.', end - 1)) {
    const namespace = `${key.slice(0, end)}.*`;
    if (Object.prototype.hasOwnProperty.call(rules, namespace)) return rules[namespace];
  }
  return Object.prototype.hasOwnProperty.call(rules, '*') ? rules['*'] : undefined;
}
