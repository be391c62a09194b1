import '../src/index.ts';
import type { MicroAppElement, MicroStoreElement } from '../src/index.ts';

/** The portal's shared state, declared in index.html: every app sees it (window.__PORTICO__.store()). */
interface PortalState {
  user: { name: string; since: string } | null;
}

/** The sub-apps live on another origin: same host, port 4301 (see demo/apps/server.mjs). */
const APPS = `${location.protocol}//${location.hostname}:4301`;

/**
 * Every app has a route: Portico mounts it when the URL enters it and unmounts
 * it when it leaves (keep-alive apps are hidden instead, with their state).
 * Inside, each app sees its own paths: /demo/shop/42 is the vue-router app at /42.
 */
const APPS_BY_ROUTE: Array<{ name: string; src: string; route: string; keepAlive?: boolean }> = [
  { name: 'todos', src: `${APPS}/jquery/`, route: '/demo/todos' },
  { name: 'orders', src: `${APPS}/react/`, route: '/demo/orders', keepAlive: true },
  { name: 'inventory', src: `${APPS}/vue/`, route: '/demo/inventory' },
  { name: 'shop', src: `${APPS}/router-vue/`, route: '/demo/shop', keepAlive: true },
  { name: 'tickets', src: `${APPS}/router-react/`, route: '/demo/tickets' },
  // Angular 21 with zone.js (ng build, ES modules): its router sees /demo/helpdesk/ticket/1 as /ticket/1.
  { name: 'helpdesk', src: `${APPS}/angular/`, route: '/demo/helpdesk' },
  // Element Plus: a select dropdown, a tooltip and a dialog, all appended to body, shown over the portal.
  { name: 'settings', src: `${APPS}/element-plus/`, route: '/demo/settings' },
  // Bootstrap 5 modal and tooltip, SweetAlert2.
  { name: 'popups', src: `${APPS}/fixtures/popups/`, route: '/demo/settings' },
  // Several apps active at once: three more elements, all routed at /demo/all.
  { name: 'todos', src: `${APPS}/jquery/`, route: '/demo/all' },
  { name: 'orders', src: `${APPS}/react/`, route: '/demo/all' },
  { name: 'inventory', src: `${APPS}/vue/`, route: '/demo/all' },
  { name: 'billing', src: `${APPS}/__fault/status/503`, route: '/demo/broken' },
];

const stage = document.getElementById('stage')!;
const log = document.getElementById('log')!;

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(item);
}

document.addEventListener('micro-store-change', (event) => {
  note(`micro-store-change (${event.store}: ${event.keys.join(', ')} by ${event.from ?? 'the portal'}${event.remote ? ', in another tab' : ''})`);
});

for (const type of ['micro-app-mounted', 'micro-app-unmounted', 'micro-app-hidden', 'micro-app-shown', 'micro-app-error', 'micro-app-message'] as const) {
  document.addEventListener(type, (event) => {
    const detail = 'error' in event ? ` ${(event.error as Error).message}` : '';
    note(`${type} (${(event as Event & { app: string }).app})${detail}`);
  });
}

function microApp({ name, src, route, keepAlive }: (typeof APPS_BY_ROUTE)[number]): MicroAppElement {
  const el = document.createElement('micro-app');
  el.setAttribute('name', name);
  el.setAttribute('src', src);
  el.setAttribute('route', route);
  el.toggleAttribute('keep-alive', !!keepAlive);
  el.innerHTML = `
    <div slot="loading" class="fallback">Loading ${name}…</div>
    <div slot="error" class="fallback">
      <p>${name} is unavailable right now.</p>
      <button type="button">Retry</button>
    </div>`;
  el.querySelector('button')!.addEventListener('click', () => void el.reload());
  // The portal handles errors itself (shown in the log), so Portico need not log them too.
  el.addEventListener('micro-app-error', (event) => event.preventDefault());
  return el;
}

/** Marks the nav link of the current path and lays the stage out for it; Portico does the rest. */
function follow(): void {
  if (!location.pathname.startsWith('/demo/') || location.pathname === '/demo/' || location.pathname === '/demo/index.html') {
    history.replaceState(null, '', '/demo/todos');
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    const path = link.dataset.route ?? new URL(link.href).pathname;
    link.toggleAttribute('aria-current', location.pathname === path || location.pathname.startsWith(`${path}/`));
  }
  stage.style.setProperty('--columns', location.pathname.startsWith('/demo/all') ? '3' : '1');
}

/**
 * The portal's own links move the URL without a page load. Portico notices
 * pushState through the Navigation API; the popstate is for browsers without
 * it (and is what host routers do to tell everyone).
 */
function go(url: string): void {
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
}

/** The sign-in box: writes the user into the shared store; every app (and every tab) follows. */
function setUpLogin(store: MicroStoreElement<PortalState>): void {
  const form = document.getElementById('login') as HTMLFormElement;
  const input = form.elements.namedItem('user') as HTMLInputElement;
  const state = document.getElementById('login-state')!;
  const logout = document.getElementById('logout')!;
  store.defaults = { user: null };
  store.subscribe(
    'user',
    (user) => {
      state.textContent = user ? `Signed in as ${user.name}` : 'Not signed in';
      input.hidden = !!user;
      form.querySelector<HTMLButtonElement>('button[type=submit]')!.hidden = !!user;
      logout.hidden = !user;
    },
    { immediate: true },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name) store.set({ user: { name, since: new Date().toISOString() } });
    input.value = '';
  });
  logout.addEventListener('click', () => store.set({ user: null }));
}

setUpLogin(document.querySelector<MicroStoreElement<PortalState>>('micro-store[name=global]')!);

document.querySelector('nav')!.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest('a');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go(link.href);
});
addEventListener('popstate', follow);
(window as { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', follow);
follow();
stage.replaceChildren(...APPS_BY_ROUTE.map(microApp));
