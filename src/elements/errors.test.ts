import { expect } from '@open-wc/testing';
import type { MicroAppErrorEvent } from './events.js';
import type { MicroAppElement } from './micro-app.js';
import { APPS, inside, mount, nextEvent, sleep, unmount } from '../test/helpers.js';

/** Mounts `src` with a host-provided error fallback; resolves with the element and its error event. */
async function failing(src: string, timeout?: number) {
  const el = document.createElement('micro-app');
  el.setAttribute('name', 'broken');
  el.setAttribute('src', src);
  if (timeout) el.setAttribute('timeout', String(timeout));
  el.innerHTML = '<div slot="error" class="fallback">Orders is unavailable</div><div slot="loading" class="spinner">Loading…</div>';
  const failed = nextEvent<MicroAppErrorEvent>(el, 'micro-app-error');
  const settled = nextEvent(el, 'micro-app-error', 'micro-app-mounted');
  el.addEventListener('micro-app-error', (e) => e.preventDefault(), { once: true });
  document.body.append(el);
  await settled;
  return { el, event: await Promise.race([failed, sleep(0).then(() => undefined)]) };
}

const visible = (el: Element) => (el as HTMLElement).offsetHeight > 0;

describe('bad input gives a clear error, fallback content, and leaves the page working', () => {
  let neighbour: MicroAppElement;
  before(async () => {
    neighbour = await mount('neighbour', `${APPS}/fixtures/basic/`);
  });
  after(() => unmount(neighbour));

  const cases: Array<[string, string, string, number?]> = [
    ['a 404 entry', `${APPS}/__fault/status/404`, 'PORTICO_ENTRY_HTTP'],
    ['a 500 entry', `${APPS}/__fault/status/500`, 'PORTICO_ENTRY_HTTP'],
    ['a dropped connection', `${APPS}/__fault/drop`, 'PORTICO_ENTRY_NETWORK'],
    ['an unreachable host', 'http://127.0.0.1:9/', 'PORTICO_ENTRY_NETWORK'],
    ['a truncated body', `${APPS}/__fault/truncated`, 'PORTICO_ENTRY_NETWORK'],
    ['an entry slower than the timeout', `${APPS}/__fault/slow/3000/fixtures/basic/`, 'PORTICO_ENTRY_TIMEOUT', 300],
    ['binary data instead of HTML', `${APPS}/__fault/binary`, 'PORTICO_ENTRY_NOT_HTML'],
    ['a script instead of HTML', `${APPS}/fixtures/basic/external.js`, 'PORTICO_ENTRY_NOT_HTML'],
    ['a script that throws at the top level', `${APPS}/fixtures/throws/`, 'PORTICO_SCRIPT_THROW'],
    ['a script with a syntax error', `${APPS}/fixtures/syntax-error/`, 'PORTICO_SCRIPT_SYNTAX'],
    ['a script that answers 404', `${APPS}/fixtures/script-404/`, 'PORTICO_SCRIPT_HTTP'],
  ];
  for (const [what, src, code, timeout] of cases) {
    it(`${what}: ${code}`, async () => {
      const { el, event } = await failing(src, timeout);
      try {
        expect(el.status).to.equal('error');
        expect(el.matches(':state(error)')).to.equal(true);
        expect(event!.error.code).to.equal(code);
        expect(event!.error.app).to.equal('broken');
        expect(event!.error.message.startsWith(`[portico] app "broken": `)).to.equal(true);
        expect(event!.error.message).to.contain(`(${code})`);
        expect(visible(el.querySelector('.fallback')!), 'error fallback shows').to.equal(true);
        expect(visible(el.querySelector('.spinner')!), 'loading fallback hidden').to.equal(false);
        expect(inside(el).root.querySelector('html') === null, 'no partial app left').to.equal(true);
        // The host and the neighbour carry on.
        expect(neighbour.status).to.equal('mounted');
        expect(inside(neighbour).root.getElementById('out')!.textContent).to.equal('fn:from-head|42|external:from-head');
      } finally {
        await unmount(el);
      }
    });
  }

  it('stops the timers a throwing app started before it threw', async () => {
    const { el } = await failing(`${APPS}/fixtures/throws/`);
    const ticks = localStorage.getItem('throws-ticks');
    await sleep(100);
    expect(localStorage.getItem('throws-ticks')).to.equal(ticks);
    await unmount(el);
  });

  it('mounts malformed but parseable HTML the way a browser renders it', async () => {
    const el = await mount('malformed', `${APPS}/fixtures/malformed/`);
    expect(el.status).to.equal('mounted');
    expect(inside(el).window!.parsedParagraphs).to.equal(2);
    expect(inside(el).root.getElementById('a')!.dataset.ran).to.equal('yes');
    await unmount(el);
  });

  it('a 10 MB entry mounts, and runs its script, without breaking the page', async function () {
    this.timeout(30_000);
    const el = await mount('big', `${APPS}/__fault/big/10`);
    expect(el.status).to.equal('mounted');
    expect(inside(el).window!.bigLoaded).to.equal(true);
    expect(neighbour.status).to.equal('mounted');
    await unmount(el);
  });

  it('shows the loading fallback while loading', async () => {
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'slow');
    el.setAttribute('src', `${APPS}/__fault/slow/300/fixtures/basic/`);
    el.innerHTML = '<div slot="loading" class="spinner">Loading…</div>';
    const mounted = nextEvent(el, 'micro-app-mounted');
    document.body.append(el);
    await sleep(100);
    expect(visible(el.querySelector('.spinner')!)).to.equal(true);
    await mounted;
    expect(visible(el.querySelector('.spinner')!)).to.equal(false);
    await unmount(el);
  });

  it('retries a failed app with reload(), without reloading the page', async () => {
    const { el } = await failing(`${APPS}/__fault/slow/600/fixtures/basic/`, 200);
    expect(el.status).to.equal('error');
    el.timeout = 5000;
    const mounted = nextEvent(el, 'micro-app-mounted');
    await el.reload();
    await mounted;
    expect(el.status).to.equal('mounted');
    expect(inside(el).root.getElementById('title')!.textContent).to.equal('Basic');
    await unmount(el);
  });

  it('removed while loading: no error, no late DOM, ends unmounted', async () => {
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'gone');
    el.setAttribute('src', `${APPS}/__fault/slow/300/fixtures/basic/`);
    let errors = 0;
    el.addEventListener('micro-app-error', () => errors++);
    document.body.append(el);
    await sleep(50);
    el.remove();
    await sleep(600);
    expect(errors).to.equal(0);
    expect(el.status).to.equal('unmounted');
    expect(inside(el).root.querySelector('html') === null).to.equal(true);
  });

  it('src changed while loading: only the last one mounts', async () => {
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'switch');
    el.setAttribute('src', `${APPS}/__fault/slow/300/fixtures/leaky/`);
    document.body.append(el);
    await sleep(50);
    const mounted = nextEvent(el, 'micro-app-mounted');
    el.setAttribute('src', `${APPS}/fixtures/basic/`);
    await mounted;
    await sleep(500);
    const { root } = inside(el);
    expect(root.querySelectorAll('html').length).to.equal(1);
    expect(root.getElementById('title')!.textContent).to.equal('Basic');
    expect(root.getElementById('ticks') === null).to.equal(true);
    await unmount(el);
  });

  it('a missing name or src is reported, not ignored', async () => {
    const el = document.createElement('micro-app');
    el.setAttribute('src', `${APPS}/fixtures/basic/`);
    const failed = nextEvent<MicroAppErrorEvent>(el, 'micro-app-error');
    el.addEventListener('micro-app-error', (e) => e.preventDefault());
    document.body.append(el);
    expect((await failed).error.code).to.equal('PORTICO_ATTRIBUTE_MISSING');
    expect(el.status).to.equal('error');
    const mounted = nextEvent(el, 'micro-app-mounted');
    el.setAttribute('name', 'late-name');
    await mounted;
    await unmount(el);
  });
});
