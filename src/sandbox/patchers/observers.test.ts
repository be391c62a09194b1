import { expect } from '@open-wc/testing';
import { APPS, inside, mount, sleep, unmount, until } from '../../test/helpers.js';

const NAMES = ['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver'] as const;
const host = window as unknown as Record<string, any>;
const originals = Object.fromEntries(NAMES.map((name) => [name, host[name]]));
const originalObserve = MutationObserver.prototype.observe;
const FIXTURE = `${APPS}/fixtures/observers/`;

describe('observers patcher', () => {
  it('app code constructs and uses observers as natively', async () => {
    const el = await mount('observers', FIXTURE);
    try {
      const { root } = inside(el);
      await until(() => root.getElementById('mutations')!.textContent === '2 added, same observer: true', 2000, 'mutation callback');
      await until(() => root.getElementById('resized')!.textContent === 'resized', 2000, 'resize callback');
      expect(root.getElementById('checks')!.textContent).to.equal('true true true MutationObserver');
    } finally {
      await unmount(el);
    }
  });

  it('gives the app subclasses that pass for the real classes', async () => {
    const el = await mount('observers', FIXTURE);
    try {
      const win = inside(el).window!;
      for (const name of NAMES) {
        const Local = win[name];
        expect(Local !== host[name], `${name} is sandbox-local`).to.equal(true);
        expect(Object.getPrototypeOf(Local) === host[name], `${name} extends the real class`).to.equal(true);
        expect(Local.name).to.equal(name);
        expect(Local.length).to.equal(host[name].length);
        expect(String(Local)).to.equal(`function ${name}() { [native code] }`);
      }
      const local = new win.MutationObserver(() => {});
      const real = new MutationObserver(() => {});
      expect(local instanceof MutationObserver && local instanceof win.MutationObserver, 'app instance passes both checks').to.equal(true);
      expect(real instanceof win.MutationObserver, 'a host instance passes the app check').to.equal(true);
      expect(win.PerformanceObserver.supportedEntryTypes).to.deep.equal(PerformanceObserver.supportedEntryTypes);
      // An app's own subclass keeps the ordinary instanceof rule.
      const Derived = class extends (win.MutationObserver as typeof MutationObserver) {};
      expect(new Derived(() => {}) instanceof Derived, 'derived instance').to.equal(true);
      expect(local instanceof Derived, 'base instance is not a Derived').to.equal(false);
      expect(() => new win.MutationObserver('not a function')).to.throw(TypeError);
    } finally {
      await unmount(el);
    }
  });

  it('disconnects every observer at teardown, and no callback runs afterwards', async () => {
    const box = document.createElement('div');
    box.style.cssText = 'width: 20px; height: 20px';
    document.body.append(box);
    const calls = { mutation: 0, resize: 0, intersection: 0, performance: 0 };
    const el = await mount('observers', FIXTURE);
    const win = inside(el).window!;
    new win.MutationObserver(() => calls.mutation++).observe(box, { attributes: true });
    new win.ResizeObserver(() => calls.resize++).observe(box);
    new win.IntersectionObserver(() => calls.intersection++).observe(box);
    new win.PerformanceObserver(() => calls.performance++).observe({ type: 'mark' });
    const provoke = () => {
      box.setAttribute('data-n', String(Math.random()));
      box.style.width = `${box.offsetWidth + 10}px`;
      box.style.marginTop = box.style.marginTop ? '' : '-1000px'; // in and out of view
      performance.mark('portico-observers-test');
    };
    // The observers work while the app runs: the test could fail.
    await until(() => calls.resize && calls.intersection, 2000, 'initial observations');
    const before = { ...calls };
    provoke();
    await until(() => Object.entries(calls).every(([key, n]) => n > before[key as keyof typeof calls]), 2000, 'every observer to fire');

    await unmount(el);
    const after = { ...calls };
    provoke();
    await sleep(300);
    expect(calls).to.deep.equal(after);
    box.remove();
  });

  it('leaves the host window untouched', async () => {
    const el = await mount('observers', FIXTURE);
    for (const name of NAMES) expect(host[name] === originals[name], `${name} while mounted`).to.equal(true);
    await unmount(el);
    for (const name of NAMES) expect(host[name] === originals[name], `${name} after unmount`).to.equal(true);
    expect(MutationObserver.prototype.observe === originalObserve, 'prototype untouched').to.equal(true);
  });
});
