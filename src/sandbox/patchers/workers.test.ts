import { expect } from '@open-wc/testing';
import { APPS, inside, mount, sleep, unmount, until } from '../../test/helpers.js';

const FIXTURE = `${APPS}/fixtures/workers/`;
const originalWorker = window.Worker;
const originalShared = window.SharedWorker;

describe('workers patcher', () => {
  it('app code starts classic, module and shared workers from relative URLs on its own origin', async () => {
    const el = await mount('workers', FIXTURE);
    try {
      const { root } = inside(el);
      const text = (id: string) => root.getElementById(id)!.textContent!;
      await until(() => text('classic').startsWith('classic helper loaded tick'), 3000, 'classic worker');
      await until(() => text('module') === 'module dep loaded as mod', 3000, 'module worker');
      await until(() => text('shared').startsWith('shared tick'), 3000, 'shared worker');
    } finally {
      await unmount(el);
    }
  });

  it('gives the app Worker and SharedWorker classes that pass for the real ones', async () => {
    const el = await mount('workers', FIXTURE);
    try {
      const win = inside(el).window!;
      expect(win.worker instanceof Worker && win.worker instanceof win.Worker, 'instanceof').to.equal(true);
      expect(win.shared instanceof SharedWorker, 'shared instanceof').to.equal(true);
      expect(String(win.Worker)).to.equal('function Worker() { [native code] }');
      expect(win.SharedWorker.name).to.equal('SharedWorker');
      // A same-origin (blob) script is started as it is.
      const blob = URL.createObjectURL(new Blob(['postMessage(String(self.location))'], { type: 'text/javascript' }));
      const direct = new win.Worker(blob) as Worker;
      const where = await new Promise((resolve) => (direct.onmessage = (event) => resolve(event.data)));
      expect(where).to.equal(blob);
      URL.revokeObjectURL(blob);
    } finally {
      await unmount(el);
    }
  });

  it('terminates the workers and closes the shared worker ports at teardown', async () => {
    // The workers report on a channel of their own, which teardown does not silence.
    const channel = new BroadcastChannel('portico-workers-test');
    const said: string[] = [];
    channel.onmessage = (event) => said.push(event.data);
    const el = await mount('workers', FIXTURE);
    const win = inside(el).window!;
    const port = (win.shared as SharedWorker).port;
    let shim = '';
    (win.worker as Worker).addEventListener('message', (event) => (shim = event.data.where));
    port.postMessage('before');
    await until(() => shim && said.filter((m) => m.startsWith('classic')).length > 2 && said.includes('shared heard before'), 3000, 'workers to talk');
    expect(shim.startsWith('blob:'), 'the cross-origin worker was started from a blob').to.equal(true);

    await unmount(el);
    await sleep(50);
    const ticks = said.filter((m) => m.startsWith('classic')).length;
    port.postMessage('after');
    await sleep(200);
    channel.close();
    expect(said.filter((m) => m.startsWith('classic')).length, 'the worker is terminated').to.equal(ticks);
    expect(said.includes('shared heard after'), 'the shared worker port is closed').to.equal(false);
    const revoked = await fetch(shim).then(() => false, () => true);
    expect(revoked, 'the blob is revoked').to.equal(true);
  });

  it('a worker still loading its script at teardown fails silently', async () => {
    const el = await mount('workers', FIXTURE);
    const win = inside(el).window!;
    let heard = 0;
    const uncaught = (event: ErrorEvent) => {
      if (String(event.message).includes('importScripts')) heard++;
    };
    window.addEventListener('error', uncaught);
    const slow = new win.Worker('/__fault/slow/300/fixtures/workers/worker.js') as Worker;
    slow.onerror = () => heard++;
    slow.addEventListener('error', () => heard++);
    await sleep(50);
    await unmount(el);
    await sleep(500);
    window.removeEventListener('error', uncaught);
    expect(heard, 'no error reached the app or the host').to.equal(0);
  });

  it('leaves the host window untouched', async () => {
    const el = await mount('workers', FIXTURE);
    expect(window.Worker === originalWorker && window.SharedWorker === originalShared, 'while mounted').to.equal(true);
    await unmount(el);
    expect(window.Worker === originalWorker && window.SharedWorker === originalShared, 'after unmount').to.equal(true);
  });
});
