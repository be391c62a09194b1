import { expect } from '@open-wc/testing';
import type { MicroAppErrorEvent } from './events.js';
import { APPS, inside, mount, nextEvent, sleep, unmount, until } from '../test/helpers.js';

describe('resilience', () => {
  it('retry: a failing entry is retried by itself with backoff until it loads', async () => {
    const key = `retry-${Date.now()}`;
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'flaky');
    el.setAttribute('src', `${APPS}/__fault/flaky/${key}/2/fixtures/basic/`);
    el.setAttribute('retry', '3');
    const errors: string[] = [];
    el.addEventListener('micro-app-error', (e) => {
      e.preventDefault();
      errors.push(e.error.code);
    });
    const started = performance.now();
    const mounted = nextEvent(el, 'micro-app-mounted');
    document.body.append(el);
    await mounted;
    const took = performance.now() - started;
    expect(errors).to.deep.equal(['PORTICO_ENTRY_HTTP', 'PORTICO_ENTRY_HTTP']);
    expect(took, 'waited 0.5 s then 1 s between attempts').to.be.greaterThan(1400);
    expect(inside(el).root.getElementById('title')!.textContent).to.equal('Basic');
    await unmount(el);
  });

  it('an uncaught error from the app is reported on its element as the app’s, the app keeps running, and the host’s handlers still run', async () => {
    const el = await mount('uncaught', `${APPS}/fixtures/uncaught/`);
    const mochaOnError = window.onerror;
    // The test runner fails any test that sees an uncaught error; take its handler off for this one.
    window.onerror = null;
    let hostSaw = 0;
    const hostHandler = (event: ErrorEvent) => {
      hostSaw++;
      event.preventDefault();
    };
    window.addEventListener('error', hostHandler);
    try {
      const reported = nextEvent<MicroAppErrorEvent>(el, 'micro-app-error');
      el.addEventListener('micro-app-error', (e) => e.preventDefault(), { once: true });
      (inside(el).root.getElementById('boom') as HTMLElement).click();
      const { error } = await reported;
      expect(error.code).to.equal('PORTICO_APP_UNCAUGHT');
      expect(error.app).to.equal('uncaught');
      expect((error.cause as Error).message).to.equal('thrown in a timer of the app');
      await until(() => hostSaw === 1, 1000, 'host error handler');
      expect(el.status).to.equal('mounted');
    } finally {
      await sleep(10);
      window.removeEventListener('error', hostHandler);
      window.onerror = mochaOnError;
      await unmount(el);
    }
  });
});
