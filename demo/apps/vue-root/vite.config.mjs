/**
 * The Vue demo app (sources in demo/apps/vue/) built with Vite's default `base: '/'`,
 * so its script, modulepreload, CSS and asset URLs are root-relative (`/assets/...`).
 * demo/apps/server.mjs serves this dist/ at /vue-root/ and its assets at /assets/.
 */
import path from 'node:path';
import { mergeConfig } from 'vite';
import vueConfig from '../vue/vite.config.mjs';

export default mergeConfig(vueConfig, {
  base: '/',
  build: { outDir: path.join(import.meta.dirname, 'dist') },
});
