import { expect } from '@open-wc/testing';
import { startStopwatch, type MountStep } from './mount-timing.js';
import { APPS, inside, mount, unmount } from '../test/helpers.js';

const STEPS: MountStep[] = ['entry', 'parse', 'tree', 'sandbox', 'scripts', 'resources', 'lifecycles'];

describe('mount timing', () => {
  it('a stopwatch gives each step the time since the previous one, and the steps add up to the total', () => {
    let now = 100;
    const watch = startStopwatch(() => now);
    now = 103;
    watch.step('entry');
    now = 110;
    watch.step('parse');
    watch.styles(2);
    watch.styles(0.5);
    now = 111;
    watch.step('scripts');
    expect(watch.result()).to.deep.equal({ entry: 3, entryCached: false, parse: 7, tree: 0, sandbox: 0, scripts: 1, resources: 0, lifecycles: 0, styles: 2.5, total: 11 });
  });

  it('a bare <micro-app> reports where a styled app mount went, and that a remount took the entry from the cache', async () => {
    const src = `${APPS}/fixtures/bench-styled/?timing-test`;
    const hostSheets = document.adoptedStyleSheets.length;
    const hostFonts = document.fonts.size;
    const first = await mount('timed', src);
    expect(first.status).to.equal('mounted');
    // What the user sees: the card rendered, with the app's :root variables applied.
    const button = inside(first).root.getElementById('styled-button')!;
    expect(button.textContent).to.equal('Add item');
    const cold = first.mountTiming!;
    expect(cold.entryCached).to.equal(false);
    const sum = STEPS.reduce((total, step) => total + cold[step], 0);
    expect(sum).to.be.closeTo(cold.total, 0.01);
    for (const step of STEPS) expect(cold[step], step).to.be.at.least(0);
    expect(cold.entry, 'the entry came over the network').to.be.above(0);
    expect(cold.scripts).to.be.above(0);
    expect(cold.styles, 'two linked sheets were processed').to.be.above(0);
    await unmount(first);

    const second = await mount('timed', src);
    const warm = second.mountTiming!;
    expect(warm.entryCached).to.equal(true);
    expect(warm.total).to.be.above(0);
    expect(inside(second).root.getElementById('styled-button')!.textContent).to.equal('Add item');
    await unmount(second);
    // Removed and added again under the same bare tag: nothing of the app stays on the host.
    expect(document.adoptedStyleSheets.length, 'hoisted font sheets gone').to.equal(hostSheets);
    expect(document.fonts.size, 'font faces gone').to.equal(hostFonts);
    expect(document.querySelector('micro-app'), 'no element left').to.equal(null);
  });

  it('an app with lifecycles has its bootstrap and mount timed', async () => {
    const el = await mount('timed-vue', `${APPS}/fixtures/bench-vue/`);
    expect(el.status).to.equal('mounted');
    expect(el.mountTiming!.lifecycles).to.be.above(0);
    await unmount(el);
  });
});
