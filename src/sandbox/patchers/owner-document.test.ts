import { expect } from '@open-wc/testing';
import { countEffects } from '../../test/effect-counter.js';
import { APPS, inside, mount, unmount, until } from '../../test/helpers.js';

describe('ownerDocument of an app node', () => {
  it("is the app's document while mounted, the host's for host nodes, and the native getter comes back after the last unmount", async () => {
    const original = Object.getOwnPropertyDescriptor(Node.prototype, 'ownerDocument')!.get;
    const a = await mount('owner-a', `${APPS}/fixtures/basic/`);
    const b = await mount('owner-b', `${APPS}/fixtures/basic/`);
    const { root: rootA, document: docA } = inside(a);
    const { root: rootB, document: docB } = inside(b);
    const hostNode = document.createElement('p');
    document.body.append(hostNode);
    try {
      expect(rootA.getElementById('title')!.ownerDocument === docA, 'app A node').to.equal(true);
      expect(rootB.getElementById('title')!.ownerDocument === docB, 'app B node').to.equal(true);
      expect(hostNode.ownerDocument === document, 'host node').to.equal(true);
      expect(document.createElement('div').ownerDocument === document, 'detached node').to.equal(true);
      expect(a.ownerDocument === document, 'the <micro-app> element itself').to.equal(true);
      await unmount(a);
      expect(rootB.getElementById('title')!.ownerDocument === docB, 'B still mapped').to.equal(true);
    } finally {
      hostNode.remove();
      await unmount(a);
      await unmount(b);
    }
    expect(Object.getOwnPropertyDescriptor(Node.prototype, 'ownerDocument')!.get === original, 'native getter restored').to.equal(true);
  });
});

describe('React attaching through the app document', () => {
  /** Mounts an app, lets `use` click through it, unmounts it, and returns the host's listener types before and after. */
  async function cycle(name: string, src: string, use: (root: ShadowRoot) => Promise<void>) {
    const counter = countEffects();
    try {
      const before = counter.types();
      const el = await mount(name, src);
      await use(inside(el).root);
      await unmount(el);
      return { before, after: counter.types() };
    } finally {
      counter.restore();
    }
  }

  it('antd 5 on React 18 (UMD) leaves no selectionchange (or any) listener on the host document after teardown', async () => {
    const { before, after } = await cycle('antd18', `${APPS}/fixtures/antd-react18/`, async (root) => {
      const button = (await until(() => root.querySelector<HTMLElement>('#inc'), 5000, 'render'))!;
      button.click();
      await until(() => root.querySelector('#inc')!.textContent === 'Clicked 1 times', 3000, 'click');
      // antd's message renders into a root of its own, made on a detached element.
      await until(() => root.querySelector('.ant-message-notice'), 3000, 'message shown');
    });
    expect(after.document.filter((type) => type === 'selectionchange')).to.deep.equal([]);
    expect(after).to.deep.equal(before);
  });

  it('antd 5 on React 19 (webpack) leaves none either', async () => {
    const { before, after } = await cycle('antd19', `${APPS}/antd/`, async (root) => {
      const print = (await until(() => root.querySelector<HTMLElement>('button'), 5000, 'render'))!;
      print.click();
    });
    expect(after).to.deep.equal(before);
  });
});
