import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

/**
 * demo/hosts/angular-app: an Angular 21 app as `ng new` made them before
 * zoneless (zone.js in its polyfills, `provideZoneChangeDetection`), built
 * by `ng build` into two ES modules, a deferred stylesheet and inlined
 * critical CSS. zone.js creates the global `Zone` and then reads it bare,
 * replaces `Promise` and the timers, and patches host prototypes
 * (EventTarget, XMLHttpRequest, the `on…` accessors, customElements).
 */
describe('an Angular 21 sub-app with zone.js (ng build, ES modules)', () => {
  const SRC = `${APPS}/angular/`;

  it('renders under a bare tag, runs change detection from clicks, timers, promises, HttpClient, a FileReader and IndexedDB, routes, and comes back after removal', async () => {
    const host = {
      add: EventTarget.prototype.addEventListener,
      remove: EventTarget.prototype.removeEventListener,
      open: XMLHttpRequest.prototype.open,
      then: Promise.prototype.then,
      toString: Function.prototype.toString,
      onclick: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'onclick'),
      define: customElements.define,
      keys: Reflect.ownKeys(EventTarget.prototype).length,
    };
    const page = location.pathname;
    const errors: unknown[] = [];
    const onError = (e: Event) => errors.push((e as ErrorEvent).error ?? e);
    window.addEventListener('error', onError);
    try {
      for (const round of [1, 2]) {
        const el = await mount('helpdesk', SRC);
        try {
          expect(el.status, `round ${round}`).to.equal('mounted');
          const { root, window: win } = inside(el);
          await until(() => root.getElementById('count'), 5000, `round ${round}: Angular render`);
          expect(root.getElementById('zone')!.textContent).to.equal('in the Angular zone');
          // zone.js's globals are the app's.
          expect(typeof win!.Zone).to.equal('function');
          expect(win!.Promise).to.not.equal(Promise);
          (root.getElementById('count') as HTMLElement).click();
          await until(() => root.getElementById('count')!.textContent === 'Clicked 1 times', 2000, `round ${round}: click → change detection`);
          await until(() => root.getElementById('timer')!.textContent === 'promise settled', 3000, `round ${round}: timer and promise → change detection`);
          // The list arrives through HttpClient (an XMLHttpRequest): zone.js runs change detection when it answers.
          await until(() => root.querySelectorAll('.ticket-link').length === 3, 3000, `round ${round}: HttpClient → change detection`);
          expect(root.querySelector('.ticket-link')!.textContent).to.equal('Printer on fire');
          // Events the browser fires later at event targets that are not nodes: zone.js must see them.
          (root.getElementById('attach') as HTMLElement).click();
          await until(() => root.getElementById('attachment')!.textContent === 'attached: printer manual', 2000, `round ${round}: FileReader load → change detection`);
          (root.getElementById('load-draft') as HTMLElement).click();
          await until(() => root.getElementById('draft')!.textContent === 'draft: Printer still on fire', 2000, `round ${round}: IndexedDB success → change detection`);
          (await until(() => root.querySelector<HTMLElement>('.ticket-link'), 3000, 'router outlet'))!.click();
          await until(() => root.getElementById('detail')?.textContent === 'Ticket 1', 3000, `round ${round}: route change`);
          // No `route`: the app is at the root of the page's paths, and its router drives the page URL.
          expect(location.pathname).to.equal('/ticket/1');
        } finally {
          await unmount(el);
        }
        expect(el.leakReport!.released.hostPatches, 'host prototype patches undone').to.be.greaterThan(100);
        expect(location.pathname, 'the page URL after removal').to.equal(page);
        expect('Zone' in window, 'Zone stays off the host').to.equal(false);
        expect(EventTarget.prototype.addEventListener).to.equal(host.add);
        expect(EventTarget.prototype.removeEventListener).to.equal(host.remove);
        expect(XMLHttpRequest.prototype.open).to.equal(host.open);
        expect(Promise.prototype.then).to.equal(host.then);
        expect(Function.prototype.toString).to.equal(host.toString);
        expect(Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'onclick')).to.deep.equal(host.onclick);
        expect(customElements.define).to.equal(host.define);
        expect(Reflect.ownKeys(EventTarget.prototype).length, 'zone.js markers removed').to.equal(host.keys);
      }
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('routes inside `route`, and the host page keeps working while it is mounted', async () => {
    const page = location.pathname + location.search;
    history.pushState(null, '', '/helpdesk');
    const el = await mount('helpdesk', SRC, document.body, (e) => e.setAttribute('route', '/helpdesk'));
    try {
      const { root } = inside(el);
      (await until(() => root.querySelector<HTMLElement>('.ticket-link'), 5000, 'router outlet'))!.click();
      await until(() => root.getElementById('detail')?.textContent === 'Ticket 1', 3000, 'route change');
      expect(location.pathname).to.equal('/helpdesk/ticket/1');
      // A host listener added and removed while zone.js is on the page.
      const button = document.createElement('button');
      document.body.append(button);
      let clicks = 0;
      const count = () => clicks++;
      button.addEventListener('click', count);
      button.click();
      button.removeEventListener('click', count);
      button.click();
      button.remove();
      expect(clicks).to.equal(1);
      history.back();
      await until(() => root.querySelector('.ticket-link'), 3000, 'back to the list');
      expect(location.pathname).to.equal('/helpdesk');
    } finally {
      await unmount(el);
      history.replaceState(null, '', page);
    }
  });

  it('lets the host remove, after the app is gone, a listener it added while the app ran', async () => {
    const el = await mount('helpdesk', SRC);
    const { root } = inside(el);
    await until(() => root.getElementById('count'), 5000, 'Angular render');
    const button = document.createElement('button');
    document.body.append(button);
    let heard = 0;
    const count = () => heard++;
    button.addEventListener('click', count);
    window.addEventListener('resize', count);
    await unmount(el);
    button.click();
    button.removeEventListener('click', count);
    window.removeEventListener('resize', count);
    button.click();
    window.dispatchEvent(new Event('resize'));
    button.remove();
    expect(heard).to.equal(1);
  });
});
