import { expect } from '@open-wc/testing';
import type { MicroAppErrorEvent } from './events.js';
import { prefetch } from './app-assets.js';
import { setOriginPolicy } from './origin-policy.js';
import { APPS, inside, mount, nextEvent, unmount, until } from '../test/helpers.js';

/** How many times the page has requested `url` so far (resource timing). */
const requests = (url: string) => performance.getEntriesByType('resource').filter((entry) => entry.name === url).length;

describe('asset cache and prefetch', () => {
  it('a second instance and a remount reuse the fetched entry and scripts; reload() fetches again', async () => {
    const entry = `${APPS}/fixtures/modules-free/?cache-test`;
    const script = `${APPS}/fixtures/modules-free/app.js`;
    const first = await mount('cache-1', entry);
    expect([requests(entry), requests(script)]).to.deep.equal([1, 1]);
    const second = await mount('cache-2', entry);
    await unmount(first);
    const third = await mount('cache-3', entry);
    expect([requests(entry), requests(script)], 'no new requests').to.deep.equal([1, 1]);
    expect(inside(third).root.getElementById('out')!.textContent).to.equal('ran 1 time(s) in this instance');
    const remounted = nextEvent(third, 'micro-app-mounted');
    await third.reload();
    await remounted;
    expect([requests(entry), requests(script)], 'reload() goes to the network').to.deep.equal([2, 2]);
    await unmount(second);
    await unmount(third);
  });

  it('instances of one app mounting together share one request for the entry and each script', async () => {
    const entry = `${APPS}/fixtures/modules-free/?shared-test`;
    const script = `${APPS}/fixtures/modules-free/app.js`;
    const before = requests(script);
    const els = await Promise.all([1, 2, 3, 4, 5].map((n) => mount(`shared-${n}`, entry)));
    expect(els.map((el) => el.status)).to.deep.equal(Array(5).fill('mounted'));
    expect([requests(entry), requests(script) - before]).to.deep.equal([1, before ? 0 : 1]);
    for (const el of els) expect(inside(el).root.getElementById('out')!.textContent).to.equal('ran 1 time(s) in this instance');
    for (const el of els) await unmount(el);
  });

  it('an instance removed while the shared entry loads leaves the others mounting; a failed one names each app', async () => {
    // The entry answers after 300 ms: the first instance starts the request and goes before it answers.
    const slow = `${APPS}/__fault/slow/300/fixtures/modules-free/?shared-removed`;
    const gone = document.createElement('micro-app');
    gone.setAttribute('name', 'shared-gone');
    gone.setAttribute('src', slow);
    document.body.append(gone);
    const staying = mount('shared-staying', slow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.remove();
    const el = await staying;
    expect(el.status).to.equal('mounted');
    expect(requests(slow), 'one request').to.equal(1);
    await unmount(el);
    // Two instances of an entry that answers 404: each error is its own app's.
    const missing = `${APPS}/no-such-app-here/?shared-404`;
    const failed = await Promise.all(['shared-a', 'shared-b'].map(async (name) => {
      const node = document.createElement('micro-app');
      node.setAttribute('name', name);
      node.setAttribute('src', missing);
      node.addEventListener('micro-app-error', (event) => event.preventDefault());
      const error = nextEvent<MicroAppErrorEvent>(node, 'micro-app-error');
      document.body.append(node);
      const { error: e } = await error;
      node.remove();
      return [e.app, e.code];
    }));
    expect(failed).to.deep.equal([['shared-a', 'PORTICO_ENTRY_HTTP'], ['shared-b', 'PORTICO_ENTRY_HTTP']]);
  });

  it("an instance waiting on another's entry request still times out at its own timeout", async () => {
    const slow = `${APPS}/__fault/slow/1500/fixtures/modules-free/?shared-timeout`;
    const patient = mount('shared-patient', slow, document.body, (el) => el.setAttribute('timeout', '5000'));
    const hasty = document.createElement('micro-app');
    hasty.setAttribute('name', 'shared-hasty');
    hasty.setAttribute('timeout', '300');
    hasty.setAttribute('src', slow);
    hasty.addEventListener('micro-app-error', (event) => event.preventDefault());
    const started = performance.now();
    const failed = nextEvent<MicroAppErrorEvent>(hasty, 'micro-app-error');
    document.body.append(hasty);
    const { error } = await failed;
    expect([error.app, error.code]).to.deep.equal(['shared-hasty', 'PORTICO_ENTRY_TIMEOUT']);
    expect(performance.now() - started, 'within its own 300 ms, not the other request\'s 1.5 s').to.be.lessThan(1200);
    hasty.remove();
    const el = await patient;
    expect(el.status).to.equal('mounted');
    expect(requests(slow), 'one request').to.equal(1);
    await unmount(el);
  });

  it('a Vite app mounted again after full teardown takes its module sources from the page; reload() fetches them again', async () => {
    const entry = `${APPS}/vue-root/?module-cache-test`;
    // Module sources are fetched by the module loader (fetch; Vite's default base puts them under /assets/);
    // the app's own modulepreload links are the browser's.
    const moduleFetches = () =>
      performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch' && /\/assets\/[^/]*\.js(#|$)/.test(e.name)).length;
    const rendered = async (el: Element) => {
      await until(() => inside(el as never).root.getElementById('total')?.textContent === 'Total: 47 units', 5000, 'Vue render');
    };
    const first = await mount('module-cache', entry);
    await rendered(first);
    const fetched = moduleFetches();
    expect(fetched, 'the first mount fetched its modules').to.be.greaterThan(0);
    await unmount(first);
    const second = await mount('module-cache', entry);
    await rendered(second);
    expect(moduleFetches(), 'no module fetched again').to.equal(fetched);
    const reloaded = nextEvent(second, 'micro-app-mounted');
    await second.reload();
    await reloaded;
    await rendered(second);
    expect(moduleFetches(), 'reload() goes to the network').to.be.greaterThan(fetched);
    await unmount(second);
  });

  it('prefetch() loads an app ahead of time in idle time, so mounting it needs no network', async () => {
    const entry = `${APPS}/fixtures/modules-free/?prefetch-test`;
    const script = `${APPS}/fixtures/modules-free/app.js`;
    const scriptsBefore = requests(script);
    expect(await prefetch(entry, { compile: true })).to.deep.equal([true]);
    expect(requests(entry)).to.equal(1);
    const el = await mount('prefetched', entry);
    expect(el.status).to.equal('mounted');
    expect(requests(entry)).to.equal(1);
    expect(requests(script)).to.equal(scriptsBefore);
    await unmount(el);
  });
});

describe('origin policy', () => {
  afterEach(() => setOriginPolicy(undefined));

  it('refuses an entry from an origin the host did not allow, before any request, with PORTICO_ORIGIN_REFUSED', async () => {
    setOriginPolicy(['https://apps.example.com']);
    const entry = `${APPS}/fixtures/basic/?policy-test`;
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'refused');
    el.setAttribute('src', entry);
    const failed = nextEvent<MicroAppErrorEvent>(el, 'micro-app-error');
    el.addEventListener('micro-app-error', (e) => e.preventDefault());
    document.body.append(el);
    const { error } = await failed;
    expect(error.code).to.equal('PORTICO_ORIGIN_REFUSED');
    expect(error.message).to.contain(`entry ${entry} is not on an allowed origin`);
    expect(requests(entry), 'nothing was fetched').to.equal(0);
    await unmount(el);
    setOriginPolicy([APPS]);
    const allowed = await mount('allowed', `${APPS}/fixtures/basic/`);
    expect(allowed.status).to.equal('mounted');
    await unmount(allowed);
  });

  it('reads the policy from <meta name="portico-allowed-origins">', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'portico-allowed-origins', content: 'https://only.example' });
    document.head.append(meta);
    try {
      const el = await mount('meta-refused', `${APPS}/fixtures/basic/?meta-policy`, document.body, (e) =>
        e.addEventListener('micro-app-error', (event) => event.preventDefault()),
      );
      expect(el.status).to.equal('error');
      await unmount(el);
    } finally {
      meta.remove();
    }
  });
});
