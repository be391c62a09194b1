import '../src/index.ts';
import type { MicroAppElement, MicroStoreElement } from '../src/index.ts';

/** The portal's shared state, declared in index.html: every app sees it (window.__PORTICO__.store()). */
interface PortalState {
  user: { name: string; since: string } | null;
}

/** The sub-apps live on another origin: same host, port 4301 (see demo/apps/server.mjs). */
const APPS = `${location.protocol}//${location.hostname}:4301`;

const VIEWS: Record<string, Array<{ name: string; src: string }>> = {
  todos: [{ name: 'todos', src: `${APPS}/jquery/` }],
  orders: [{ name: 'orders', src: `${APPS}/react/` }],
  inventory: [{ name: 'inventory', src: `${APPS}/vue/` }],
  all: [
    { name: 'todos', src: `${APPS}/jquery/` },
    { name: 'orders', src: `${APPS}/react/` },
    { name: 'inventory', src: `${APPS}/vue/` },
  ],
  broken: [{ name: 'billing', src: `${APPS}/__fault/status/503` }],
};

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

for (const type of ['micro-app-mounted', 'micro-app-unmounted', 'micro-app-error', 'micro-app-message'] as const) {
  document.addEventListener(type, (event) => {
    const detail = 'error' in event ? ` ${(event.error as Error).message}` : '';
    note(`${type} (${(event as Event & { app: string }).app})${detail}`);
  });
}

function microApp({ name, src }: { name: string; src: string }): MicroAppElement {
  const el = document.createElement('micro-app');
  el.setAttribute('name', name);
  el.setAttribute('src', src);
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

/** Shows a view, keeping apps that stay on screen mounted (same name, same element). */
function show(view: string): void {
  const wanted = VIEWS[view] ?? VIEWS.todos!;
  const current = new Map([...stage.querySelectorAll('micro-app')].map((el) => [el.getAttribute('name'), el]));
  stage.replaceChildren(...wanted.map((app) => current.get(app.name) ?? microApp(app)));
  stage.style.setProperty('--columns', String(wanted.length));
  for (const button of document.querySelectorAll<HTMLButtonElement>('nav button')) {
    button.setAttribute('aria-pressed', String(button.dataset.view === view));
  }
  history.replaceState(null, '', `#${view}`);
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
  const view = (event.target as HTMLElement).closest('button')?.dataset.view;
  if (view) show(view);
});
show(location.hash.slice(1) || 'todos');
