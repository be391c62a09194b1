import { expect } from '@open-wc/testing';
import { portalOf } from '../bus/portal.js';
import type { MicroStoreChangeEvent } from '../bus/store-events.js';
import type { StoreCore } from '../bus/store.js';
import { PorticoError } from '../errors.js';
import { until } from '../test/helpers.js';
import type { MicroStoreElement } from './micro-store.js';

let count = 0;
/** A connected `<micro-store>` with a fresh name (stores are per page, by name). */
function store<S extends object = Record<string, unknown>>(attributes: Record<string, string> = {}): MicroStoreElement<S> {
  const el = document.createElement('micro-store') as unknown as MicroStoreElement<S>;
  el.setAttribute('name', `test-store-${++count}`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

/** The store as app `app` sees it (what `window.__PORTICO__.store(name)` wraps). */
const asApp = (el: MicroStoreElement, app: string) => portalOf(document).stores.get(el.name)!.view(app);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof PorticoError ? error.code : String(error);
  }
  return 'no error';
};

describe('<micro-store>: get, set, subscribe', () => {
  it('merges shallowly, removes keys set to undefined, and hands out deep-frozen copies', () => {
    const el = store();
    try {
      const user = { name: 'ada', roles: ['admin'] };
      el.set({ user, theme: 'dark' });
      el.set('count', 1);
      el.set({ theme: undefined });
      expect(el.get()).to.deep.equal({ user: { name: 'ada', roles: ['admin'] }, count: 1 });
      user.name = 'changed';
      expect((el.get('user') as typeof user).name).to.equal('ada');
      expect(Object.isFrozen(el.get('user')) && Object.isFrozen(el.get())).to.equal(true);
      expect('theme' in el.get()).to.equal(false);
    } finally {
      el.remove();
    }
  });

  it('notifies whole-state and key subscribers synchronously, with the change; immediate fires at once; late subscribers read the state', () => {
    const el = store();
    try {
      el.set({ a: 1 });
      const seen: unknown[] = [];
      const offState = el.subscribe((state, change) => seen.push(['state', state, change.keys, change.previous, change.from]));
      el.subscribe('b', (value, change) => seen.push(['b', value, change.previous]), { immediate: true });
      el.set({ b: 2 });
      el.set({ a: 1 }); // same value: no change, no notification
      offState();
      el.set({ b: 3 });
      expect(seen).to.deep.equal([
        ['b', undefined, undefined],
        ['state', { a: 1, b: 2 }, ['b'], { a: 1 }, null],
        ['b', 2, undefined],
        ['b', 3, 2],
      ]);
      const late: unknown[] = [];
      el.subscribe((state) => late.push(state), { immediate: true });
      expect(late).to.deep.equal([{ a: 1, b: 3 }]);
    } finally {
      el.remove();
    }
  });

  it('unsubscribe(listener) and an aborted signal remove subscriptions', () => {
    const el = store();
    try {
      let calls = 0;
      const listener = () => calls++;
      el.subscribe(listener);
      el.subscribe('x', listener);
      const controller = new AbortController();
      el.subscribe(() => calls++, { signal: controller.signal });
      el.unsubscribe(listener);
      controller.abort();
      el.set({ x: 1 });
      expect(calls).to.equal(0);
    } finally {
      el.remove();
    }
  });

  it('delivers changes made inside a listener after the current change has reached everyone', () => {
    const el = store();
    try {
      const seen: string[] = [];
      el.subscribe('a', (a) => {
        seen.push(`first saw a=${a}`);
        if (a === 1) el.set({ a: 2 });
      });
      el.subscribe('a', (a) => seen.push(`second saw a=${a}`));
      el.set({ a: 1 });
      expect(seen).to.deep.equal(['first saw a=1', 'second saw a=1', 'first saw a=2', 'second saw a=2']);
    } finally {
      el.remove();
    }
  });

  it('fires a bubbling, composed micro-store-change event for each change', () => {
    const el = store();
    const events: MicroStoreChangeEvent[] = [];
    const record = (event: MicroStoreChangeEvent) => events.push(event);
    document.addEventListener('micro-store-change', record);
    try {
      el.set({ a: 1, b: 2 });
      asApp(el, 'shop').set({ a: 3 });
      expect(events.map((e) => [e.store, e.keys, e.from, e.remote, e.bubbles && e.composed])).to.deep.equal([
        [el.name, ['a', 'b'], null, false, true],
        [el.name, ['a'], 'shop', false, true],
      ]);
    } finally {
      document.removeEventListener('micro-store-change', record);
      el.remove();
    }
  });

  it('applies defaults under existing values, and registers with the page by name (the first connected wins)', async () => {
    const el = store();
    const twin = document.createElement('micro-store');
    try {
      el.set({ theme: 'dark' });
      el.defaults = { theme: 'light', lang: 'en' };
      await until(() => el.get('lang') === 'en', 1000, 'defaults');
      expect(el.get()).to.deep.equal({ theme: 'dark', lang: 'en' });
      const registered = portalOf(document).stores.get(el.name);
      twin.setAttribute('name', el.name);
      document.body.append(twin);
      expect(portalOf(document).stores.get(el.name) === registered).to.equal(true);
    } finally {
      twin.remove();
      el.remove();
    }
    expect(portalOf(document).stores.has(el.name)).to.equal(false);
  });
});

describe('<micro-store>: permissions', () => {
  const permissions = {
    user: { read: '*', write: ['login'] },
    'cart.*': { read: ['cart', 'checkout'], write: ['cart'] },
    '*': { write: ['shell'] },
  } as const;

  it('lets only listed apps write a key, all or nothing, with PORTICO_STORE_FORBIDDEN', () => {
    const el = store();
    el.permissions = permissions;
    try {
      el.set({ user: null, theme: 'light' });
      asApp(el, 'login').set({ user: { name: 'ada' } });
      expect(codeOf(() => asApp(el, 'cart').set({ 'cart.items': [1], user: { name: 'eve' } }))).to.equal('PORTICO_STORE_FORBIDDEN');
      expect(el.get()).to.deep.equal({ user: { name: 'ada' }, theme: 'light' });
      asApp(el, 'cart').set({ 'cart.items': [1] });
      expect(codeOf(() => asApp(el, 'login').set({ theme: 'dark' }))).to.equal('PORTICO_STORE_FORBIDDEN');
      asApp(el, 'shell').set({ theme: 'dark' });
      try {
        asApp(el, 'orders').set('user', null);
      } catch (error) {
        expect((error as Error).message).to.equal(
          `[portico] app "orders": may not write "user" in <micro-store name="${el.name}"> (PORTICO_STORE_FORBIDDEN). ` +
            "The <micro-store> permissions do not let this app do that; change the store's permissions property or let an allowed app do it.",
        );
      }
      expect(el.get('theme')).to.equal('dark');
    } finally {
      el.remove();
    }
  });

  it('hides keys an app may not read: get, whole-state subscriptions and key subscriptions', () => {
    const el = store({ permissions: JSON.stringify(permissions) });
    try {
      el.set({ user: 'ada', 'cart.items': [1] });
      const orders = asApp(el, 'orders');
      expect(orders.get()).to.deep.equal({ user: 'ada' });
      expect(codeOf(() => orders.get('cart.items'))).to.equal('PORTICO_STORE_FORBIDDEN');
      expect(codeOf(() => orders.subscribe('cart.items', () => undefined))).to.equal('PORTICO_STORE_FORBIDDEN');
      expect(asApp(el, 'checkout').get('cart.items')).to.deep.equal([1]);
      const seen: unknown[] = [];
      orders.subscribe((state, change) => seen.push([state, change.keys]));
      el.set({ 'cart.items': [1, 2] });
      el.set({ user: 'grace', 'cart.items': [] });
      expect(seen).to.deep.equal([[{ user: 'grace' }, ['user']]]);
    } finally {
      el.remove();
    }
  });
});

describe('<micro-store>: persistence and tabs', () => {
  it('persist="session" and persist="local" bring the state back after a "reload" (a new element of the same name)', async () => {
    for (const persist of ['session', 'local'] as const) {
      const name = `persisted-${persist}-${Date.now()}`;
      const first = store({ persist, name });
      first.set({ user: { name: 'ada' }, n: 1 });
      await Promise.resolve();
      first.remove();
      const storage = persist === 'local' ? localStorage : sessionStorage;
      expect(JSON.parse(storage.getItem(`portico-store:${name}`)!)).to.deep.equal({ user: { name: 'ada' }, n: 1 });
      const second = store({ persist, name });
      try {
        expect(second.get()).to.deep.equal({ user: { name: 'ada' }, n: 1 });
        expect(Object.isFrozen(second.get('user'))).to.equal(true);
      } finally {
        second.remove();
        storage.removeItem(`portico-store:${name}`);
      }
    }
  });

  it('sync keeps stores of the same name in step across tabs (an iframe as the second tab), including a late tab', async () => {
    const name = `synced-${Date.now()}`;
    const here = store({ name, sync: '' });
    here.set({ user: 'ada' });
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><script type="module">
      import '${new URL('../index.ts', import.meta.url).href}';
      import { portalOf } from '${new URL('../bus/portal.ts', import.meta.url).href}';
      const el = document.createElement('micro-store');
      el.setAttribute('name', ${JSON.stringify(name)});
      el.setAttribute('sync', '');
      document.body.append(el);
      window.store = el;
      window.asApp = (app) => portalOf(document).stores.get(el.name).view(app);
    </script>`;
    document.body.append(frame);
    try {
      const tab = () => frame.contentWindow as Window & { store?: MicroStoreElement; asApp: (app: string) => ReturnType<StoreCore['view']> };
      const other = (await until(() => tab().store, 5000, 'second tab'))!;
      await until(() => other.get('user') === 'ada', 2000, 'late tab gets the state');
      const seen: unknown[] = [];
      here.subscribe((state, change) => seen.push([state, change.from, change.remote]));
      tab().asApp('login').set({ user: 'grace' });
      await until(() => here.get('user') === 'grace', 2000, 'change from the other tab');
      expect(seen).to.deep.equal([[{ user: 'grace' }, 'login', true]]);
      here.set({ theme: 'dark', user: undefined });
      await until(() => other.get('theme') === 'dark', 2000, 'change to the other tab');
      expect(other.get()).to.deep.equal({ theme: 'dark' });
    } finally {
      frame.remove();
      here.remove();
    }
  });
});
