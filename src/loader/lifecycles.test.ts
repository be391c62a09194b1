import { expect } from '@open-wc/testing';
import { callHook } from './lifecycles.js';

describe('callHook', () => {
  it('gives up on a hook that never settles when its signal aborts, long before the timeout', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 20);
    const outcome = await callHook(() => new Promise<void>(() => {}), {}, 10_000, controller.signal);
    expect(outcome).to.equal('done');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('still reports a timeout without a signal', async () => {
    expect(await callHook(() => new Promise<void>(() => {}), {}, 30)).to.equal('timeout');
  });
});
