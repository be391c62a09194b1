import { defineConfig } from 'vite';

/** The React 19 host portal, built by Vite (its TSX compiled by Vite's own transform) into ../dist/react/. */
export default defineConfig({
  base: '/demo/hosts/dist/react/',
  build: { outDir: '../dist/react', emptyOutDir: true },
  oxc: { jsx: { runtime: 'automatic' } },
});
