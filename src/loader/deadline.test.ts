import { expect } from '@open-wc/testing';
import { abortable, deadline } from './deadline.js';

describe('deadline', () => {
  it('ends with "timeout" after its time, with "aborted" as soon as its signal aborts, and at once for an aborted signal', async () => {
    expect(await deadline(10).ended).to.equal('timeout');
    const controller = new AbortController();
    const wait = deadline(10_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    expect(await wait.ended).to.equal('aborted');
    wait.clear();
    expect(await deadline(10_000, controller.signal).ended).to.equal('aborted');
  });

  it('abortable: settles as its promise does, rejects with the reason on abort, and takes its listener off the signal', async () => {
    const controller = new AbortController();
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const { signal } = controller;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, fn: EventListener, options?: AddEventListenerOptions) => (added.push(fn), add(type, fn, options))) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, fn: EventListener) => (removed.push(fn), remove(type, fn))) as typeof signal.removeEventListener;
    expect(await abortable(Promise.resolve(7), signal)).to.equal(7);
    const failed = await abortable(Promise.reject(new Error('no')), signal).catch((e: Error) => e.message);
    expect(failed).to.equal('no');
    expect(removed, 'every listener taken off once settled').to.deep.equal(added);
    const pending = abortable(new Promise(() => {}), signal).catch((e: unknown) => e);
    controller.abort(new Error('gone'));
    expect(((await pending) as Error).message).to.equal('gone');
    expect(((await abortable(Promise.resolve(1), signal).catch((e: unknown) => e)) as Error).message, 'already aborted').to.equal('gone');
  });
});
