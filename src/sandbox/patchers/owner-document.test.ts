import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount } from '../../test/helpers.js';

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
