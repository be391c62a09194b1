/**
 * A React 19 + react-router 7 app written as it would be standalone
 * (createBrowserRouter, Link, useParams, routes from '/'). Under Portico it
 * runs unchanged at any route.
 * Test hooks: window.router, window.visits (every location it rendered), window.renders.
 */
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Link, Outlet, RouterProvider, useLocation, useParams } from 'react-router-dom';

window.visits = [];
window.renders = 0;

function Layout() {
  const location = useLocation();
  return h(
    'div',
    null,
    h(
      'nav',
      null,
      h(Link, { to: '/', id: 'home' }, 'All tickets'),
      ' ',
      h(Link, { to: '/43', id: 'link43' }, 'Ticket 43'),
      ' ',
      h(Link, { to: '/44?tab=2', id: 'link44' }, 'Ticket 44, tab 2'),
    ),
    h('p', { id: 'where' }, location.pathname + location.search),
    h(Outlet),
  );
}

function List() {
  return h('h1', { id: 'title' }, 'list');
}

function Detail() {
  const { id } = useParams();
  const { search } = useLocation();
  window.renders++;
  const tab = new URLSearchParams(search).get('tab');
  return h('h1', { id: 'title' }, `detail ${id}${tab ? ` tab ${tab}` : ''}`);
}

function NotFound() {
  return h('h1', { id: 'title' }, `not found ${useLocation().pathname}`);
}

const router = createBrowserRouter([
  {
    path: '/',
    element: h(Layout),
    children: [
      { index: true, element: h(List) },
      { path: ':id', element: h(Detail) },
      { path: '*', element: h(NotFound) },
    ],
  },
]);
router.subscribe((state) => window.visits.push(state.location.pathname + state.location.search));
window.router = router;

createRoot(document.getElementById('root')).render(h(RouterProvider, { router }));
