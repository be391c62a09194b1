import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../../test/helpers.js';

describe("micro-app's global data over the page's default <micro-store>", () => {
  it('a Vue app written for micro-app reads, hears and sets the global data the host keeps in the store', async () => {
    const store = document.createElement('micro-store');
    store.defaults = { theme: 'light' };
    document.body.append(store);
    try {
      const el = await mount('ma-global', `${APPS}/fixtures/micro-app-global/`);
      try {
        expect(el.status).to.equal('mounted');
        const { root, window: win } = inside(el);
        const text = (id: string) => root.getElementById(id)?.textContent;
        await until(() => text('theme') === 'light', 2000, 'Vue render with getGlobalData()');
        expect(win!.listenerCalls, 'autoTrigger').to.equal(1);
        // The host sets the store: the app's listener hears it.
        store.set({ theme: 'blue' });
        await until(() => text('theme') === 'blue', 2000, 'listener');
        // The app sets global data: the store has it, and nextStep gets what the listeners returned.
        (root.getElementById('dark') as HTMLElement).click();
        expect(store.get('theme')).to.equal('dark');
        await until(() => text('answered') === 'seen dark', 2000, 'nextStep');
        expect(win!.microApp.getGlobalData()).to.deep.equal({ theme: 'dark' });
        win!.microApp.clearGlobalData();
        expect(store.get()).to.deep.equal({});
        expect(win!.microApp.getGlobalData()).to.equal(null);
      } finally {
        await unmount(el);
      }
    } finally {
      store.remove();
    }
  });

  it('without a store in the page, warns once and does nothing', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await mount('ma-global-alone', `${APPS}/fixtures/micro-app-global/`);
      try {
        expect(el.status).to.equal('mounted');
        const { root, window: win } = inside(el);
        await until(() => root.getElementById('theme')?.textContent === 'none', 2000, 'render without data');
        win!.microApp.setGlobalData({ theme: 'dark' });
        expect(win!.microApp.getGlobalData()).to.equal(null);
      } finally {
        await unmount(el);
      }
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => String(w).includes("micro-app's global data"))).to.have.length(1);
  });
});
