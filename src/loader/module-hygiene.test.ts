import { expect } from '@open-wc/testing';
import { countEffects } from '../test/effect-counter.js';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

// A file of its own: its page has never loaded a module app, so what the first one adds to the host shows.
const click = (el: Element | null) => (el as HTMLElement).click();

describe('a Vite app (ES modules) leaves the host as it found it, and comes back', () => {
  it('adds no global and no listener to the host, mounted or after unmount, and renders and reacts again when added again', async () => {
    const counter = countEffects();
    try {
      const globals = () => [...Object.getOwnPropertyNames(window), ...Object.getOwnPropertySymbols(window).map(String)];
      const before = { globals: globals(), listeners: counter.types() };
      for (let round = 1; round <= 2; round++) {
        const el = await mount('inventory', `${APPS}/vue/`);
        const { root } = inside(el);
        await until(() => root.getElementById('total'), 3000, `round ${round}: Vue render`);
        click(root.getElementById('inc-0'));
        await until(() => root.getElementById('total')!.textContent === 'Total: 48 units', 2000, `round ${round}: reactivity`);
        click(root.getElementById('load-chart'));
        await until(() => root.querySelector('#chart .loaded'), 5000, `round ${round}: lazy chunk`);
        expect(globals().filter((key) => !before.globals.includes(key)), `round ${round}: no new host global while mounted`).to.deep.equal([]);
        await unmount(el);
        expect(globals().filter((key) => !before.globals.includes(key)), `round ${round}: none after unmount`).to.deep.equal([]);
        expect(counter.types(), `round ${round}: no host listener after unmount`).to.deep.equal(before.listeners);
      }
    } finally {
      counter.restore();
    }
  });
});
