import { expect } from '@open-wc/testing';
import { countEffects } from '../test/effect-counter.js';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

/**
 * Soak: real framework apps mounted and unmounted 1,000 times in one page.
 * Every teardown must leave nothing behind (leak report), each app must
 * leave the same effects each time (no drift), and the host's listener and
 * timer counts must end exactly where they started.
 */
describe('soak: 1,000 mount/unmount cycles', () => {
  it('React (webpack), jQuery and Vue (Vite, ES modules) apps leave the host exactly as they found it', async function () {
    this.timeout(400_000);
    const apps = [
      { name: 'soak-react', src: `${APPS}/react/`, ready: (root: ShadowRoot) => root.getElementById('inc') },
      { name: 'soak-jquery', src: `${APPS}/jquery/`, ready: (root: ShadowRoot) => root.getElementById('count')?.textContent },
      { name: 'soak-vue', src: `${APPS}/vue/`, ready: (root: ShadowRoot) => root.getElementById('total') },
    ];
    const counter = countEffects();
    const released = new Map<string, string>();
    try {
      // Warm-up cycle: Portico's own one-time set-up (es-module-shims) is not a leak.
      for (const app of apps) await unmount(await mount(app.name, app.src));
      const before = counter.snapshot();
      for (let cycle = 0; cycle < 1000; cycle++) {
        // Mostly classic apps; every tenth cycle the Vue ES-module app.
        const app = cycle % 10 === 9 ? apps[2]! : apps[cycle % 2]!;
        const el = await mount(app.name, app.src);
        expect(el.status, `cycle ${cycle}`).to.equal('mounted');
        const { app: running, root } = inside(el);
        await until(() => app.ready(root), 3000, `${app.name} render (cycle ${cycle})`);
        await unmount(el);
        expect(running!.report!.leftBehind, `cycle ${cycle}`).to.deep.equal({});
        // Compare what does not depend on timing: pending timeouts and frames depend on when the unmount
        // lands, and weakly recorded kinds (channels, observers) drop out once collected.
        const { intervals, listeners, handlers, globals } = running!.report!.released;
        const summary = JSON.stringify({ intervals, listeners, handlers, globals });
        if (!released.has(app.name)) released.set(app.name, summary);
        expect(summary, `${app.name} released the same effects as before (cycle ${cycle})`).to.equal(released.get(app.name));
      }
      expect(counter.snapshot()).to.deep.equal(before);
    } finally {
      counter.restore();
    }
  });
});
