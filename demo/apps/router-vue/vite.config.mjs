/**
 * Vite config for the vue-router demo app (ES modules, relative `base`):
 * index.html runs it with createWebHistory(), hash.html with createWebHashHistory().
 */
import path from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [vue()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: path.join(import.meta.dirname, 'index.html'),
        hash: path.join(import.meta.dirname, 'hash.html'),
      },
    },
  },
});
