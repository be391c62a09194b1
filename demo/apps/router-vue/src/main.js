/**
 * A Vue 3 + vue-router 4 app written as it would be standalone: routes from
 * '/', RouterLink, useRoute. Under Portico it runs unchanged at any route.
 * Test hooks: window.router, window.visits (every resolved path, in order),
 * window.renders (detail renders).
 */
import { createApp, h } from 'vue';
import { createRouter, createWebHashHistory, createWebHistory, RouterLink, RouterView, useRoute } from 'vue-router';

window.visits = [];
window.renders = 0;

const nav = () =>
  h('nav', [
    h(RouterLink, { to: '/', id: 'home' }, () => 'All items'),
    ' ',
    h(RouterLink, { to: '/43', id: 'link43' }, () => 'Item 43'),
    ' ',
    h(RouterLink, { to: { path: '/44', query: { tab: '2' } }, id: 'link44' }, () => 'Item 44, tab 2'),
  ]);

const List = { render: () => [h('h1', { id: 'title' }, 'list'), nav()] };

const Detail = {
  setup() {
    const route = useRoute();
    return () => {
      window.renders++;
      const tab = route.query.tab ? ` tab ${route.query.tab}` : '';
      return [h('h1', { id: 'title' }, `detail ${route.params.id}${tab}`), nav()];
    };
  },
};

const NotFound = { setup: () => { const route = useRoute(); return () => h('h1', { id: 'title' }, `not found ${route.path}`); } };

const router = createRouter({
  // The micro-app convention for a base given by the shell ('' under Portico's default scoped routing).
  history: window.routerMode === 'hash' ? createWebHashHistory() : createWebHistory(window.__MICRO_APP_BASE_ROUTE__ || '/'),
  routes: [
    { path: '/', component: List },
    { path: '/:id(\\d+)', component: Detail },
    { path: '/:rest(.*)*', component: NotFound },
  ],
});
router.afterEach((to) => window.visits.push(to.fullPath));
window.router = router;

createApp({ render: () => h(RouterView) }).use(router).mount('#app');
