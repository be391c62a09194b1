import { expect } from '@open-wc/testing';
import { APPS, inside, mount, sleep, unmount, until } from '../../test/helpers.js';

const FIXTURE = `${APPS}/fixtures/rem/`;
type Measured = Record<string, number | number[]>;

/** The fixture opened on its own in an iframe (cross-origin, so it reports by message). */
async function standalone(): Promise<Measured> {
  const frame = document.createElement('iframe');
  frame.src = FIXTURE;
  frame.style.cssText = 'width: 800px; height: 400px; border: 0';
  document.body.append(frame);
  try {
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const reply = new Promise<Measured>((resolve) =>
      window.addEventListener('message', function on(e: MessageEvent) {
        if (e.source !== frame.contentWindow || !e.data?.measured) return;
        window.removeEventListener('message', on);
        resolve(e.data.measured);
      }),
    );
    frame.contentWindow!.postMessage('measure', '*');
    return await reply;
  } finally {
    frame.remove();
  }
}

describe('rem follows the app root font size', () => {
  it("an app with html { font-size: 18px } gets 18 px rem everywhere, as in an iframe, whatever the host's root size", async () => {
    // The host page's own root size must not leak in (portals often set 62.5%).
    document.documentElement.style.fontSize = '10px';
    const el = await mount('rem', FIXTURE);
    try {
      const win = inside(el).window!;
      await until(() => win.remReady, 3000, 'app ran');
      // Bootstrap's sheet is processed when it loads.
      await until(() => ((win.measure() as Measured).btn as number[])[1] !== 7.5, 3000, 'bootstrap processed');
      const inApp: Measured = win.measure();
      expect(inApp.box).to.deep.equal([180, 38, 9]);
      expect(inApp.title).to.equal(36);
      expect(inApp.inline).to.equal(90);
      expect(inApp.varBox).to.equal(54);
      expect(inApp.animated).to.equal(18);
      expect(inApp.scripted).to.equal(72);
      document.documentElement.style.fontSize = '';
      expect(inApp).to.deep.equal(await standalone());
    } finally {
      document.documentElement.style.fontSize = '';
      await unmount(el);
    }
  });

  it('follows the app changing its root font size at run time, and rem set by script later', async () => {
    const el = await mount('rem-runtime', FIXTURE);
    try {
      const { window: win, document: doc, root } = inside(el);
      await until(() => win!.remReady, 3000, 'app ran');
      doc!.documentElement.style.fontSize = '20px';
      const box = root.getElementById('box')!;
      await until(() => box.getBoundingClientRect().width === 200, 2000, 'box follows 20 px root');
      expect(getComputedStyle(root.getElementById('title')!).fontSize).to.equal('40px');
      const later = doc!.createElement('div');
      later.style.width = '2.5rem';
      doc!.body.append(later);
      await sleep(0);
      expect(later.getBoundingClientRect().width).to.equal(50);
      later.style.width = '1rem';
      await sleep(0);
      expect(later.getBoundingClientRect().width).to.equal(20);
      // The root's own rem font size means the initial size, as standalone (no cycle through its own size).
      doc!.documentElement.style.fontSize = '1.5rem';
      await until(() => box.getBoundingClientRect().width === 240, 2000, 'root at 1.5rem = 24 px');
    } finally {
      await unmount(el);
    }
  });

  it("leaves the host page's sheets and its rem as they were", async () => {
    const sheets = [...document.adoptedStyleSheets];
    const probe = document.createElement('div');
    probe.style.width = '10rem';
    document.body.append(probe);
    const el = await mount('rem-host', FIXTURE);
    try {
      await until(() => inside(el).window!.remReady, 3000, 'app ran');
      expect(probe.getBoundingClientRect().width).to.equal(160);
      expect(probe.getAttribute('style')).to.equal('width: 10rem;');
    } finally {
      await unmount(el);
      probe.remove();
    }
    expect(document.adoptedStyleSheets).to.deep.equal(sheets);
  });
});
