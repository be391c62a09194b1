/**
 * Vite config for the Vue demo app: ES-module output (<script type="module" crossorigin>
 * plus <link rel="modulepreload">), relative `base` so every URL resolves against the
 * sub-app's own origin. demo/apps/vue-root/vite.config.mjs builds the same sources with
 * the default `base: '/'`.
 */
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Emit logo.svg as a file (it would be inlined as a data: URL otherwise).
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // src/shared/* (used by the entry and the lazy Chart chunk) gets its own chunk.
        codeSplitting: { groups: [{ name: 'shared', test: /[\\/]src[\\/]shared[\\/]/ }] },
      },
    },
  },
});
