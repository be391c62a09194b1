import { expect } from '@open-wc/testing';
import { busFor } from '../../bus/portal.js';
import { APPS, inside, mount, unmount } from '../../test/helpers.js';

const texts = (root: ShadowRoot) => [...root.querySelectorAll('#log li')].map((li) => li.textContent);

describe("wujie's $wujie.bus over the page's bus", () => {
  it('carries a jQuery app’s $on/$once/$off/$emit to and from the host, and its listeners go with it', async () => {
    const bus = busFor(document);
    const heard: unknown[] = [];
    const off = bus.subscribe('wujie-ping', (payload) => heard.push(payload));
    const el = await mount('wujie-bus', `${APPS}/fixtures/wujie-bus/`);
    try {
      expect(el.status).to.equal('mounted');
      const { root, window: win } = inside(el);
      expect(win!.sameRoot()).to.equal(true);
      // An $emit of the app reaches the host and its own $on listener (added twice, called once).
      (root.getElementById('ping') as HTMLElement).click();
      expect(heard).to.deep.equal(['pong']);
      expect(texts(root)).to.deep.equal(['own pong']);
      // The host's messages: several arguments, spread again; a $once listener hears one.
      bus.publish('portal-greeting', { __wujieArgs: ['lin', 2] });
      bus.publish('portal-once', { n: 1 });
      bus.publish('portal-once', { n: 2 });
      expect(texts(root)).to.deep.equal(['own pong', 'greeting lin x2', 'once 1']);
      win!.stopOwn();
      (root.getElementById('ping') as HTMLElement).click();
      expect(heard).to.deep.equal(['pong', 'pong']);
      expect(texts(root)).to.have.length(3);
      win!.clearAll();
      bus.publish('portal-greeting', { __wujieArgs: ['ada', 1] });
      expect(texts(root)).to.have.length(3);
    } finally {
      await unmount(el);
    }
    off();
  });

  it('drops the app’s listeners at teardown: the host’s messages reach nothing of it', async () => {
    const bus = busFor(document);
    const el = await mount('wujie-bus', `${APPS}/fixtures/wujie-bus/`);
    const { root } = inside(el);
    await unmount(el);
    bus.publish('portal-greeting', { __wujieArgs: ['late', 1] });
    expect(texts(root)).to.deep.equal([]);
  });
});
