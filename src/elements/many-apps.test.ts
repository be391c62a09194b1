import { expect } from '@open-wc/testing';
import type { MicroAppElement } from './micro-app.js';
import { APPS, inside, nextEvent, unmount, until } from '../test/helpers.js';

describe('50 apps on one page', () => {
  it('all mount side by side, each isolated, a broken one among them fails alone, and all tear down', async function () {
    this.timeout(60_000);
    const box = document.createElement('div');
    document.body.append(box);
    const els: MicroAppElement[] = [];
    const settled: Promise<Event>[] = [];
    for (let i = 0; i < 50; i++) {
      const el = document.createElement('micro-app');
      el.setAttribute('name', `many-${i}`);
      // Every tenth is a broken app; the rest alternate a jQuery app and a plain one.
      el.setAttribute('src', i % 10 === 7 ? `${APPS}/__fault/status/500` : i % 2 ? `${APPS}/jquery/` : `${APPS}/fixtures/basic/`);
      el.addEventListener('micro-app-error', (e) => e.preventDefault());
      settled.push(nextEvent(el, 'micro-app-mounted', 'micro-app-error'));
      els.push(el);
    }
    box.append(...els);
    await Promise.all(settled);
    try {
      const statuses = els.map((el) => el.status);
      expect(statuses.filter((s) => s === 'mounted').length).to.equal(45);
      expect(statuses.filter((s) => s === 'error').length).to.equal(5);
      const jquery = els.filter((_, i) => i % 2 && i % 10 !== 7);
      await until(() => jquery.every((el) => inside(el).root.getElementById('count')?.textContent === '2 items'), 10_000, 'all jQuery apps ready');
      // Clicking in one app changes that app only.
      (inside(jquery[3]!).root.getElementById('add') as HTMLElement).click();
      expect(jquery.map((el) => inside(el).root.getElementById('count')!.textContent).filter((t) => t === '3 items').length).to.equal(1);
      expect(new Set(jquery.map((el) => inside(el).window!.jQuery)).size).to.equal(jquery.length);
    } finally {
      await Promise.all(els.map((el) => unmount(el)));
      box.remove();
    }
    expect(els.every((el) => el.status === 'unmounted')).to.equal(true);
  });
});
