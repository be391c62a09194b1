import 'portico';
import { createApp, h } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import App from './App.vue';
import AppScreen from './AppScreen.vue';

const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', component: { render: () => h('p', { id: 'home' }, 'Pick an app above.') } },
    { path: '/profile', component: AppScreen, props: { which: 'profile' } },
    { path: '/inventory', component: AppScreen, props: { which: 'inventory' } },
    { path: '/broken', component: AppScreen, props: { which: 'broken' } },
  ],
});

createApp(App).use(router).mount('#root');
