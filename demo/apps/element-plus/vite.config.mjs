/**
 * Vite config for the Element Plus demo app (Vue 3 + Element Plus, a small settings
 * form): ES-module output with a relative `base`, so every URL resolves against the
 * sub-app's own origin. Its select dropdown, tooltip, dialog and messages are
 * teleported to `document.body`, which is what Portico's popup layer must handle.
 */
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
