import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount } from '../../test/helpers.js';

describe('event-handler properties on window and document', () => {
  it('app handlers fire with the app as this, honour return false, and leave the host handlers alone', async () => {
    const hostHandler = () => undefined;
    let after = 0;
    window.onkeyup = hostHandler;
    const el = await mount('handlers', `${APPS}/fixtures/handlers/`);
    const win = inside(el).window!;
    try {
      expect(window.onclick === null, 'host onclick untouched').to.equal(true);
      // The host's handler is not the app's: each view's handler properties are its own, set or not.
      expect(win.onkeyup, "the app's onkeyup").to.equal(null);
      expect('onkeyup' in win && 'onpointerdown' in win.document, 'handler properties exist on the app views').to.equal(true);
      expect(typeof win.onclick).to.equal('function');
      const click = new MouseEvent('click', { cancelable: true });
      window.dispatchEvent(click);
      expect(win.clicks).to.equal(1);
      expect(win.clickThis).to.equal(true);
      expect(click.defaultPrevented).to.equal(true);
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'q' }));
      expect(win.lastKey).to.equal('q');
      expect(win.keyThis).to.equal(true);
      expect(win.onloadRan).to.equal(true);
      win.onclick = null;
      window.dispatchEvent(new MouseEvent('click'));
      expect(win.clicks).to.equal(1);
    } finally {
      win.onclick = () => after++;
      await unmount(el);
    }
    window.dispatchEvent(new MouseEvent('click'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'z' }));
    expect(after, 'no app handler runs after unmount').to.equal(0);
    expect(window.onkeyup === hostHandler && window.onclick === null && document.onkeydown === null).to.equal(true);
    window.onkeyup = null;
  });
});
