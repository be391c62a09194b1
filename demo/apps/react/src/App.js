import { createElement as h, lazy, Suspense, useEffect, useState } from 'react';

// Emitted by webpack as a separate JSONP chunk, fetched the first time it renders.
const Details = lazy(() => import(/* webpackChunkName: "details" */ './Details.js'));

/**
 * Who is signed in to the portal: inside Portico, the "user" key of the
 * portal's shared store, reached through `window.__PORTICO__.store()` (no
 * import from the host); standalone, nobody, and the app says so.
 */
function usePortalUser() {
  const [state, setState] = useState({ where: 'standalone', user: null });
  useEffect(() => {
    const portico = window.__PORTICO__;
    if (!portico) return undefined;
    try {
      return portico.store().subscribe('user', (user) => setState({ where: 'portal', user: user || null }), { immediate: true });
    } catch {
      setState({ where: 'no-store', user: null });
      return undefined;
    }
  }, []);
  if (state.where === 'standalone') return 'Standalone: no portal sign-in';
  if (state.where === 'no-store') return 'This portal shares no sign-in';
  return state.user ? `Signed in as ${state.user.name}` : 'Not signed in';
}

/** Root component of the React demo app. */
export function App() {
  const [count, setCount] = useState(0);
  const [showDetails, setShowDetails] = useState(false);
  const user = usePortalUser();

  return h(
    'main',
    { className: 'rx-app' },
    h('h1', null, 'React orders'),
    h('p', { className: 'rx-user', id: 'user' }, user),
    h('p', { className: 'rx-lead' }, 'Order #1042 · 3 items · awaiting dispatch'),
    h(
      'div',
      { className: 'rx-actions' },
      h('button', { id: 'inc', type: 'button', onClick: () => setCount((n) => n + 1) }, `Clicked ${count} times`),
      h(
        'button',
        { id: 'details', type: 'button', className: 'rx-secondary', onClick: () => setShowDetails((s) => !s) },
        showDetails ? 'Hide details' : 'Show details',
      ),
    ),
    showDetails &&
      h(Suspense, { fallback: h('p', { className: 'rx-loading' }, 'Loading details…') }, h(Details)),
  );
}
