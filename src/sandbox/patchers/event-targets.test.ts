import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount } from '../../test/helpers.js';
import { realClick, resetMouse } from '../../test/mouse.js';

const targetDescriptor = Object.getOwnPropertyDescriptor(Event.prototype, 'target');

describe('event targets patcher', () => {
  afterEach(() => resetMouse());

  it("an event kept by the app's element handler still names its target after dispatch, as standalone", async () => {
    const el = await mount('event-targets', `${APPS}/fixtures/popups-nested/`);
    let root: ShadowRoot | undefined;
    try {
      root = inside(el).root;
      const button = root.getElementById('open-modal')!;
      const kept: Event[] = [];
      const seenByHost: (EventTarget | null)[] = [];
      const onHost = (e: Event) => seenByHost.push(e.target);
      document.addEventListener('mousedown', onHost);
      button.addEventListener('mousedown', (e) => kept.push(e));
      button.addEventListener('click', (e) => kept.push(e));
      try {
        await realClick(button);
      } finally {
        document.removeEventListener('mousedown', onHost);
      }
      expect(kept.map((e) => e.type)).to.deep.equal(['mousedown', 'click']);
      for (const e of kept) expect(e.target, `${e.type} after dispatch`).to.equal(button);
      // The host page still sees only the <micro-app> element, while dispatching and after.
      expect(seenByHost).to.deep.equal([el]);
      // A host event outside the app is left as the browser made it.
      const outside = new MouseEvent('click', { bubbles: true });
      document.body.dispatchEvent(outside);
      expect(Object.prototype.hasOwnProperty.call(outside, 'target')).to.equal(false);
    } finally {
      await unmount(el);
    }
    // Torn down: the root's capture listeners are gone (the DOM clears a shadow target again) and Event is untouched.
    const late = document.createElement('button');
    root!.append(late);
    const e = new MouseEvent('click', { bubbles: true });
    late.dispatchEvent(e);
    expect(e.target).to.equal(null);
    late.remove();
    expect(Object.getOwnPropertyDescriptor(Event.prototype, 'target')).to.deep.equal(targetDescriptor);
  });
});
