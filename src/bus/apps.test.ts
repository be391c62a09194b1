import { expect } from '@open-wc/testing';
import type { MicroAppElement } from '../elements/micro-app.js';
import type { MicroStoreElement } from '../elements/micro-store.js';
import { PorticoError } from '../errors.js';
import { APPS, inside, mount, sleep, unmount } from '../test/helpers.js';
import { busFor } from './portal.js';

const CLASSIC = `${APPS}/fixtures/bus-classic/`;
const QIANKUN = `${APPS}/fixtures/bus-qiankun/`;
const MODULE = `${APPS}/fixtures/bus-module/`;

type Received = Array<{ payload: any; from: string | null }>;
const win = (el: MicroAppElement) => inside(el).window!;
const text = (el: MicroAppElement, id: string) => inside(el).root.getElementById(id)!.textContent;
const codeOf = (error: unknown) => (error instanceof PorticoError ? error.code : String(error));

/** Declares the page's `<micro-store name="global">` for one test. */
function globalStore(setup?: (el: MicroStoreElement) => void): MicroStoreElement {
  const el = document.createElement('micro-store');
  setup?.(el);
  document.body.append(el);
  return el;
}

/**
 * Mounts the classic app as `alpha` and the qiankun app as `beta`, runs
 * `test`, and always tears down. `destroy`: each test starts from a freshly
 * loaded qiankun app, not one parked by the test before (its global
 * `stateCalls` would carry over).
 */
async function withTwoApps(test: (alpha: MicroAppElement, beta: MicroAppElement) => Promise<void>): Promise<void> {
  const alpha = await mount('alpha', CLASSIC);
  const beta = await mount('beta', QIANKUN, document.body, (el) => (el.destroy = true));
  try {
    expect([alpha.status, beta.status]).to.deep.equal(['mounted', 'mounted']);
    await test(alpha, beta);
  } finally {
    await unmount(alpha);
    await unmount(beta);
  }
}

describe('the bus between two real sub-apps, through the host', () => {
  it('publishes from one app to another and to the host, in order, never dropping one, with frozen copies', async () => {
    await withTwoApps(async (alpha, beta) => {
      const heard: Received = [];
      const off = busFor(document).subscribe('chat', (payload, message) => heard.push({ payload, from: message.from }));
      try {
        const original = { name: 'hello', n: -1 };
        win(beta).send('chat', original);
        for (let i = 0; i < 1000; i++) win(beta).send('chat', { n: i });
        const received: Received = win(alpha).received;
        expect(received.length).to.equal(1001);
        expect(received.every((message, i) => message.payload.n === i - 1 && message.from === 'beta')).to.equal(true);
        expect(heard.length).to.equal(1001);
        // alpha cannot change beta's object, nor the copy every other receiver shares.
        expect(win(alpha).tryMutate(received[0]!.payload)).to.equal('TypeError');
        expect(original.name).to.equal('hello');
        expect(heard[0]!.payload.name).to.equal('hello');
        // And the other way: the host publishes, both apps hear it.
        busFor(document).publish('chat', { n: 'from host' });
        expect(win(beta).received.at(-1)).to.deep.equal({ payload: { n: 'from host' }, from: null });
        expect(text(alpha, 'last')).to.equal('{"n":"from host"}');
      } finally {
        off();
      }
    });
  });

  it('request/response between apps: answers, timeouts, cancellation, failures and no responder', async () => {
    await withTwoApps(async (alpha, beta) => {
      expect(await win(alpha).ask('qiankun.sum', [1, 2, 3])).to.equal(6);
      expect(await win(beta).ask('classic.echo', { hi: 1 })).to.deep.equal({ echo: { hi: 1 }, by: 'alpha', asker: 'beta' });
      expect(await busFor(document).request('classic.echo', 'host')).to.deep.equal({ echo: 'host', by: 'alpha', asker: null });

      const late = await win(alpha).ask('qiankun.never', null, { timeout: 50 }).catch((e: unknown) => e);
      expect(codeOf(late)).to.equal('PORTICO_BUS_TIMEOUT');
      expect((late as Error).message).to.equal(
        '[portico] app "alpha": "qiankun.never" got no answer from beta within 50 ms (PORTICO_BUS_TIMEOUT). ' +
          "The responder did not answer in time; raise the request's timeout option or make the responder settle.",
      );

      const controller = new AbortController();
      const cancelled = win(alpha).ask('qiankun.never', null, { signal: controller.signal }).catch((e: unknown) => e);
      controller.abort();
      expect(((await cancelled) as DOMException).name).to.equal('AbortError');

      const failed = (await win(alpha).ask('qiankun.fails', null).catch((e: unknown) => e)) as PorticoError;
      expect(failed.code).to.equal('PORTICO_BUS_RESPONDER_REJECTED');
      expect(failed.message).to.contain('TypeError: cannot add those');

      const nobody = (await win(alpha).ask('nobody.home', null).catch((e: unknown) => e)) as PorticoError;
      expect(nobody.code).to.equal('PORTICO_BUS_NO_RESPONDER');
      expect(nobody.app).to.equal('alpha');
    });
  });

  it("releases an unmounted app's listeners and responders: it receives nothing more", async () => {
    const store = globalStore();
    const alpha = await mount('alpha', CLASSIC);
    const beta = await mount('beta', QIANKUN);
    try {
      const received: Received = win(alpha).received;
      const userSeen: unknown[] = win(alpha).userSeen;
      win(beta).send('chat', { n: 1 });
      expect(received.length).to.equal(1);
      await unmount(alpha);
      win(beta).send('chat', { n: 2 });
      store.set({ user: { name: 'after unmount' } });
      busFor(document).publish('chat', { n: 3 });
      await sleep(20);
      expect(received.length).to.equal(1);
      expect(userSeen).to.deep.equal([undefined]);
      expect(codeOf(await win(beta).ask('classic.echo', 1).catch((e: unknown) => e))).to.equal('PORTICO_BUS_NO_RESPONDER');
      // A fresh mount under the same name starts clean and works.
      const again = await mount('alpha', CLASSIC);
      win(beta).send('chat', { n: 4 });
      expect(win(again).received.map((m: { payload: { n: number } }) => m.payload.n)).to.deep.equal([4]);
      expect(text(again, 'user')).to.equal('after unmount');
      await unmount(again);
    } finally {
      await unmount(alpha);
      await unmount(beta);
      store.remove();
    }
  });
});

describe('the store between two real sub-apps', () => {
  it('a qiankun app (props.setGlobalState / onGlobalStateChange) and a window.__PORTICO__.store() app share the default store', async () => {
    const store = globalStore((el) => (el.defaults = { user: null, theme: 'light' }));
    try {
      await withTwoApps(async (alpha, beta) => {
        expect(win(beta).sameBus()).to.equal(true);
        const calls = win(beta).stateCalls as Array<{ state: any; previous: any }>;
        // fireImmediately: called at once with (state, state), as copies the app may change (it adds `scratch`).
        expect(calls).to.deep.equal([
          { state: { user: null, theme: 'light', scratch: 'qiankun hands out copies an app may change' }, previous: { user: null, theme: 'light' } },
        ]);
        expect('scratch' in store.get()).to.equal(false);
        expect(win(beta).setGlobal({ user: { name: 'ada' }, undeclared: 1 })).to.equal(true);
        expect(store.get()).to.deep.equal({ user: { name: 'ada' }, theme: 'light' });
        expect(text(alpha, 'user')).to.equal('ada');
        expect(text(beta, 'root')).to.equal('qiankun sees ada');
        expect(calls[1]!.previous).to.deep.equal({ user: null, theme: 'light' });
        expect(win(beta).setGlobal({ undeclared: 2 })).to.equal(false);

        // alpha writes through window.__PORTICO__.store(): beta hears it.
        expect(win(alpha).storeSet({ theme: 'dark' })).to.equal('ok');
        expect(calls.at(-1)!.state.theme).to.equal('dark');
        // One app cannot change the object another holds, nor the store's.
        expect(win(alpha).tryMutate(win(alpha).userSeen.at(-1))).to.equal('TypeError');
        expect((store.get('user') as { name: string }).name).to.equal('ada');

        // A late app reads the current state at once.
        const late = await mount('gamma', CLASSIC);
        expect(text(late, 'user')).to.equal('ada');
        await unmount(late);

        win(beta).offGlobal();
        store.set({ user: { name: 'grace' } });
        expect(calls.at(-1)!.state.user.name).to.equal('ada');
        expect(text(alpha, 'user')).to.equal('grace');
      });
    } finally {
      store.remove();
    }
  });

  it("enforces the store's permissions inside apps: a clear error, and nothing changes", async () => {
    const store = globalStore((el) => {
      el.defaults = { user: null, theme: 'light' };
      el.permissions = { user: { write: ['beta'] } };
    });
    try {
      await withTwoApps(async (alpha, beta) => {
        const refused = win(alpha).storeSet({ theme: 'dark', user: { name: 'eve' } });
        expect(refused).to.equal(
          'PORTICO_STORE_FORBIDDEN: [portico] app "alpha": may not write "user" in <micro-store name="global"> (PORTICO_STORE_FORBIDDEN). ' +
            "The <micro-store> permissions do not let this app do that; change the store's permissions property or let an allowed app do it.",
        );
        expect(store.get()).to.deep.equal({ user: null, theme: 'light' });
        expect(win(beta).setGlobal({ user: { name: 'ada' } })).to.equal(true);
        expect(text(alpha, 'user')).to.equal('ada');
      });
    } finally {
      store.remove();
    }
  });

  it('without a store in the page, store() throws PORTICO_STORE_MISSING and qiankun global state does nothing', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(String(message));
    try {
      await withTwoApps(async (alpha, beta) => {
        expect(win(alpha).storeError).to.equal('PORTICO_STORE_MISSING');
        expect(win(beta).stateCalls.length).to.equal(0);
        expect(win(beta).setGlobal({ user: 1 })).to.equal(false);
        expect(warnings.some((w) => w.includes('PORTICO_STORE_MISSING') && w.includes("qiankun's global state does nothing"))).to.equal(true);
      });
    } finally {
      console.warn = warn;
    }
  });
});

describe('ES-module sub-apps import the store and the bus', () => {
  it("import store from 'portico:store' and bus from 'portico:bus' give the app's own store and bus end", async () => {
    const store = globalStore((el) => (el.defaults = { user: { name: 'ada' } }));
    const mod = await mount('esm', MODULE);
    const alpha = await mount('alpha', CLASSIC);
    try {
      expect(mod.status).to.equal('mounted');
      expect(win(mod).sameObjects).to.equal(true);
      expect(text(mod, 'user')).to.equal('ada');
      win(mod).login('grace');
      expect(text(alpha, 'user')).to.equal('grace');
      win(alpha).send('chat', { n: 1 });
      expect(win(mod).received).to.deep.equal([{ payload: { n: 1 }, from: 'alpha' }]);
      expect(await win(alpha).ask('module.upper', 'shout')).to.equal('SHOUT');
    } finally {
      await unmount(mod);
      await unmount(alpha);
      store.remove();
    }
    const error = await busFor(document).request('module.upper', 'x').catch((e: unknown) => e);
    expect(codeOf(error)).to.equal('PORTICO_BUS_NO_RESPONDER');
  });
});
