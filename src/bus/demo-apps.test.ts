import { expect } from '@open-wc/testing';
import type { MicroStoreElement } from '../elements/micro-store.js';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

interface PortalState {
  user: { name: string } | null;
}

const userText = (el: Element) => inside(el as never).root.getElementById('user')?.textContent;

describe('the demo portal shares its sign-in with the jQuery and React demo apps', () => {
  it('both apps show the user from <micro-store name="global">, follow sign-in and sign-out, and keep working', async () => {
    const store = document.createElement('micro-store') as unknown as MicroStoreElement<PortalState>;
    store.defaults = { user: null };
    document.body.append(store);
    const todos = await mount('todos', `${APPS}/jquery/`);
    const orders = await mount('orders', `${APPS}/react/`);
    try {
      await until(() => userText(todos) === 'Not signed in', 3000, 'jQuery app reads the store');
      await until(() => userText(orders) === 'Not signed in', 3000, 'React app reads the store');
      store.set({ user: { name: 'Ada' } });
      expect(userText(todos)).to.equal('Signed in as Ada');
      await until(() => userText(orders) === 'Signed in as Ada', 2000, 'React re-renders');
      store.set({ user: null });
      expect(userText(todos)).to.equal('Not signed in');
      await until(() => userText(orders) === 'Not signed in', 2000, 'React re-renders');
      // The apps still do their own work.
      (inside(todos).root.getElementById('add') as HTMLElement).click();
      expect(inside(todos).root.getElementById('count')!.textContent).to.equal('3 items');
    } finally {
      await unmount(todos);
      await unmount(orders);
      store.remove();
    }
  });

  it('without a store the apps say so instead of failing', async () => {
    const todos = await mount('todos', `${APPS}/jquery/`);
    const orders = await mount('orders', `${APPS}/react/`);
    try {
      await until(() => userText(todos) === 'This portal shares no sign-in', 3000, 'jQuery app');
      await until(() => userText(orders) === 'This portal shares no sign-in', 3000, 'React app');
    } finally {
      await unmount(todos);
      await unmount(orders);
    }
  });
});
