import { expect } from '@open-wc/testing';
import { countEffects } from '../test/effect-counter.js';
import { APPS, inside, mount, sleep, unmount, until } from '../test/helpers.js';

const click = (el: Element | null) => (el as HTMLElement).click();

describe('mount/unmount cycles leave nothing behind', () => {
  it('listeners on window and document and pending timers return exactly to where they started after 25 cycles of React, Vue, jQuery and a leaky app', async function () {
    this.timeout(120_000);
    const counter = countEffects();
    try {
      // Cycle 0 warms up: Portico's own one-time set-up (es-module-shims, loaded
      // with the first module app) is not a leak. The baseline is taken after it.
      let before = counter.snapshot();
      for (let cycle = 0; cycle <= 25; cycle++) {
        if (cycle === 1) {
          await sleep(100);
          before = counter.snapshot();
        }
        const react = await mount('leak-react', `${APPS}/react/`);
        await until(() => inside(react).root.getElementById('inc'), 3000, 'React render');
        click(inside(react).root.getElementById('inc'));
        const vue = await mount('leak-vue', `${APPS}/vue/`);
        await until(() => inside(vue).root.getElementById('inc-0'), 3000, 'Vue render');
        click(inside(vue).root.getElementById('inc-0'));
        const jq = await mount('leak-jquery', `${APPS}/jquery/`);
        const leaky = await mount('leak-leaky', `${APPS}/fixtures/leaky/`);
        await sleep(30);
        const during = counter.snapshot();
        expect(during.windowListeners + during.documentListeners + during.timers, 'apps are really running').to.be.greaterThan(
          before.windowListeners + before.documentListeners + before.timers,
        );
        for (const el of [react, vue, jq, leaky]) await unmount(el);
      }
      await sleep(100);
      expect(counter.snapshot()).to.deep.equal(before);
    } finally {
      counter.restore();
    }
  });
});
