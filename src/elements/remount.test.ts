import { expect } from '@open-wc/testing';
import { parkedCount } from './app-pool.js';
import { countEffects } from '../test/effect-counter.js';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';
import { press } from '../test/user.js';

/**
 * The default: a bare `<micro-app name src>` removed and added again starts
 * fresh, as an iframe would, even when the app exports lifecycles. Real
 * libraries, each onboarded the way their qiankun guides show.
 */
const app = (name: string) => `${APPS}/fixtures/${name}/`;
const $ = (el: HTMLElement, selector: string) => inside(el as never).root.querySelector<HTMLElement>(selector);

describe('a bare <micro-app> with lifecycles, removed and added again', () => {
  it('starts a jQuery app fresh: its list shows its own first item once, and the host keeps nothing of the first one', async () => {
    const counter = countEffects();
    try {
      const before = counter.snapshot();
      const first = await mount('life-jquery', app('life-jquery'));
      expect($(first, '.count')!.textContent).to.equal('1 item(s)');
      press($(first, '.add')!);
      press($(first, '.add')!);
      expect($(first, '.count')!.textContent).to.equal('3 item(s)');
      await unmount(first);
      expect(first.leakReport!.parked, 'not parked by default').to.equal(undefined);
      expect(parkedCount()).to.equal(0);
      expect(counter.snapshot(), "jQuery's delegated handlers and interval are gone").to.deep.equal(before);

      const second = await mount('life-jquery', app('life-jquery'));
      expect($(second, '.count')!.textContent).to.equal('1 item(s)');
      expect([...inside(second).root.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['item 1']);
      press($(second, '.add')!);
      expect($(second, '.count')!.textContent, 'one click, one item').to.equal('2 item(s)');
      await unmount(second);
      expect(counter.snapshot()).to.deep.equal(before);
    } finally {
      counter.restore();
    }
  });

  it('starts a Vue 2 app fresh: the counter is back at 0 and still counts', async () => {
    const first = await mount('life-vue2', app('life-vue2'));
    await until(() => $(first, '#inc'), 2000, 'Vue render');
    press($(first, '#inc')!);
    press($(first, '#inc')!);
    await until(() => $(first, '#inc')!.textContent === 'Clicked 2 times', 2000, 'two clicks');
    await unmount(first);

    const second = await mount('life-vue2', app('life-vue2'));
    await until(() => $(second, '#inc'), 2000, 'Vue render');
    expect($(second, '#inc')!.textContent).to.equal('Clicked 0 times');
    expect(inside(second).window!.mounts, 'a new load: the script ran again').to.equal(1);
    press($(second, '#inc')!);
    await until(() => $(second, '#double')!.textContent === 'Double: 2', 2000, 'reactivity');
    await unmount(second);
  });

  it('starts a SweetAlert2 app fresh: the answer given in the first one is not already there', async () => {
    const first = await mount('life-swal', app('life-swal'));
    press($(first, '#ask')!);
    const confirm = (await until(() => $(first, '.swal2-confirm'), 3000, 'the dialog'))!;
    await until(() => confirm.getBoundingClientRect().width > 0, 3000, 'dialog shown');
    press(confirm);
    await until(() => $(first, '#answer')?.textContent === 'confirmed', 3000, 'confirmed');
    await unmount(first);

    const second = await mount('life-swal', app('life-swal'));
    expect($(second, '#answer')!.textContent).to.equal('not asked');
    expect($(second, '.swal2-container'), 'no dialog left over').to.equal(null);
    await unmount(second);
  });
});
