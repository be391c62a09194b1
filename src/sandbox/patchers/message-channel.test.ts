import { expect } from '@open-wc/testing';
import { APPS, inside, mount, sleep, unmount, until } from '../../test/helpers.js';

describe('MessageChannel', () => {
  it("an app's channels work while mounted and are closed on unmount (React's scheduler pattern)", async () => {
    const Original = window.MessageChannel;
    localStorage.removeItem('mc-received');
    const el = await mount('mc', `${APPS}/fixtures/message-channel/`);
    const win = inside(el).window!;
    const port2: MessagePort = win.port2;
    expect(win.isNative).to.equal(true);
    port2.postMessage('while-mounted');
    await until(() => localStorage.getItem('mc-received') === 'while-mounted', 2000, 'message while mounted');
    await unmount(el);
    port2.postMessage('after-unmount');
    await sleep(100);
    expect(localStorage.getItem('mc-received')).to.equal('while-mounted');
    expect(window.MessageChannel === Original, 'host MessageChannel untouched').to.equal(true);
  });
});
