import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** The Vue 3 host portal, built by Vite with @vitejs/plugin-vue into ../dist/vue/. */
export default defineConfig({
  base: '/demo/hosts/dist/vue/',
  build: { outDir: '../dist/vue', emptyOutDir: true },
  // Portico's tags are custom elements, not Vue components (otherwise: "Failed to resolve component: micro-app").
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'micro-app' || tag === 'micro-store' } } })],
});
