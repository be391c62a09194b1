import { expect } from '@open-wc/testing';
import { deadline } from './deadline.js';

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
});
