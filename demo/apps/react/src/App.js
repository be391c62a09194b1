import { createElement as h, lazy, Suspense, useState } from 'react';

// Emitted by webpack as a separate JSONP chunk, fetched the first time it renders.
const Details = lazy(() => import(/* webpackChunkName: "details" */ './Details.js'));

/** Root component of the React demo app. */
export function App() {
  const [count, setCount] = useState(0);
  const [showDetails, setShowDetails] = useState(false);

  return h(
    'main',
    { className: 'rx-app' },
    h('h1', null, 'React orders'),
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
