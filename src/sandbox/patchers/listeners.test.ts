import { expect } from '@open-wc/testing';
import { APPS, inside, mount, sleep, unmount, until } from '../../test/helpers.js';

/** A real, trusted-looking mouse click sequence at an element's centre, dispatched on the element. */
function press(el: Element) {
  const r = el.getBoundingClientRect();
  const init = { bubbles: true, composed: true, cancelable: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 };
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.dispatchEvent(new MouseEvent('click', init));
}

describe('events reach delegating frameworks with their real target', () => {
  it('jQuery $(document).on, React 16 document delegation, click-outside, async e.target, keyboard and activeElement', async () => {
    const el = await mount('events', `${APPS}/fixtures/events/`);
    const hostClicks: Array<EventTarget | null> = [];
    const hostListener = (e: Event) => hostClicks.push(e.target);
    document.addEventListener('click', hostListener);
    try {
      const { root, window: win } = inside(el);
      const log: string[] = win!.log;
      press(root.getElementById('jq-target')!);
      expect(log).to.include('jquery:jq-target:this-ok');
      // Click-outside: inside the menu keeps it open, a click elsewhere in the portal closes it.
      expect(log[0], 'a click on another app element is outside the menu').to.equal('outside-check:closed');
      root.getElementById('menu')!.className = 'open';
      log.length = 0;
      press(root.getElementById('inside-menu')!);
      expect(log[0]).to.equal('outside-check:kept');
      expect(root.getElementById('menu')!.className).to.equal('open');
      press(document.body);
      expect(root.getElementById('menu')!.className).to.equal('');
      // React 16: its listener sits on the (app's) document.
      press(root.getElementById('react16')!);
      await until(() => root.getElementById('react16')!.textContent === 'React 16 clicked 1', 2000, 'React 16 click');
      // e.target read after an await is still the inner element.
      await until(() => log.includes('async:react16'), 2000, 'async target');
      // The host still sees only the <micro-app> element as the target.
      expect(hostClicks.every((t) => t === el || t === document.body), 'host sees the host element').to.equal(true);
      // Keyboard: typing in the app's input is typing, and the app's activeElement is its input.
      const field = root.getElementById('field') as HTMLInputElement;
      field.focus();
      expect(document.activeElement === el, 'host sees the <micro-app> focused').to.equal(true);
      expect(win!.document.activeElement === field, 'app sees its input focused').to.equal(true);
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true, composed: true }));
      expect(log.at(-1)).to.equal('key:k:typing:field');
      // Hit-testing from inside the app finds the app's own element.
      const r = root.getElementById('jq-target')!.getBoundingClientRect();
      expect(win!.document.elementFromPoint(r.x + 5, r.y + 5) === root.getElementById('jq-target'), 'elementFromPoint').to.equal(true);
    } finally {
      document.removeEventListener('click', hostListener);
      await unmount(el);
    }
    // After unmount, none of the app's document listeners run.
    await sleep(20);
  });
});
