import { expect } from '@open-wc/testing';
import { APPS, inside, mount, sleep, unmount, until } from '../../test/helpers.js';

const FIXTURE = `${APPS}/fixtures/broadcast/`;
const NAME = 'portico-broadcast-test';
const original = window.BroadcastChannel;
const originalClose = BroadcastChannel.prototype.close;

describe('broadcast-channel patcher', () => {
  it('the app talks over a channel while mounted, and its channels are closed at teardown', async () => {
    localStorage.removeItem('portico-broadcast-heard');
    const hostChannel = new BroadcastChannel(NAME);
    const replies: unknown[] = [];
    hostChannel.onmessage = (event) => replies.push(event.data);
    const el = await mount('broadcast', FIXTURE);
    try {
      const { root, window: win } = inside(el);
      const appChannel = win!.channel as BroadcastChannel;
      expect(appChannel instanceof BroadcastChannel && appChannel instanceof win!.BroadcastChannel, 'instanceof').to.equal(true);
      expect(String(win!.BroadcastChannel)).to.equal('function BroadcastChannel() { [native code] }');

      hostChannel.postMessage('ping');
      await until(() => root.getElementById('heard')!.textContent === 'heard ping', 2000, 'app to hear the host');
      await until(() => replies.includes('pong'), 2000, 'the app to answer');

      await unmount(el);
      hostChannel.postMessage('ping');
      await sleep(200);
      expect(localStorage.getItem('portico-broadcast-heard'), 'the app heard nothing after teardown').to.equal('1');
      expect(replies.length).to.equal(1);
      expect(() => appChannel.postMessage('late'), 'the app channel is closed').to.throw(DOMException);
    } finally {
      hostChannel.close();
      await unmount(el);
    }
  });

  it('leaves the host window untouched', async () => {
    const el = await mount('broadcast', FIXTURE);
    expect(window.BroadcastChannel === original, 'while mounted').to.equal(true);
    await unmount(el);
    expect(window.BroadcastChannel === original, 'after unmount').to.equal(true);
    expect(BroadcastChannel.prototype.close === originalClose, 'prototype untouched').to.equal(true);
  });
});
