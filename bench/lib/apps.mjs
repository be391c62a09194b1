/**
 * The sub-apps the figures mount, all under demo/fixtures/ and served
 * cross-origin by demo/apps/server.mjs. `lifecycles`: the app exports
 * bootstrap/mount/unmount in every shell's convention and renders on each
 * mount() (otherwise it renders when its scripts run); `modules`: its entry is
 * an ES module (micro-app needs its iframe sandbox for that). Every app reports its
 * first render as {"firstRender": timeOrigin + now} (see bench/lib/browser.mjs).
 */

/** @typedef {{ id: string, label: string, what: string, lifecycles: boolean, modules?: boolean }} BenchApp */

/** @type {Record<string, BenchApp>} */
export const APPS = {
  'bench-blank': {
    id: 'bench-blank',
    label: 'blank (inline script)',
    what: 'one inline classic script renders a paragraph and a button; no lifecycles',
    lifecycles: false,
  },
  'bench-styled': {
    id: 'bench-styled',
    label: 'styled (CSS, font, image)',
    what: 'a small styled app as most are: normalize.css, one linked stylesheet with `:root` variables, `url()`s and one `@font-face` (a 119 kB woff2), a background image, one inline classic script that renders a card; no lifecycles',
    lifecycles: false,
  },
  'bench-react': {
    id: 'bench-react',
    label: 'React 19, webpack',
    what: 'the React demo build (`demo/apps/react`, webpack 5 classic scripts, 217 kB `main.js`); renders when its script runs; no lifecycles (no-op ones for qiankun only)',
    lifecycles: false,
  },
  'bench-vue': {
    id: 'bench-vue',
    label: 'Vue 3 global build, lifecycles',
    what: 'Vue 3\'s global production build (`vue.global.prod.js`) plus an inline app (a render function, no template) with bootstrap/mount/unmount (qiankun global, micro-app `window.mount`, wujie `__WUJIE_MOUNT`); mount() creates and mounts a Vue app, unmount() unmounts it',
    lifecycles: true,
  },
  'bench-lifecycle': {
    id: 'bench-lifecycle',
    label: 'React 19, webpack UMD, lifecycles',
    what: 'the React demo app built again as a webpack UMD library with bootstrap/mount/unmount (`createRoot` in mount, `root.unmount()` in unmount), exposed in every shell\'s convention',
    lifecycles: true,
  },
  'bench-vite': {
    id: 'bench-vite',
    label: 'Vue 3, Vite ES modules',
    what: 'the Vue demo\'s Vite build (`demo/apps/vue`: `<script type="module" crossorigin>`, a module preload, two stylesheets); renders when its module runs; no lifecycles',
    lifecycles: false,
    modules: true,
  },
};

/**
 * An app as the shell adapters take it.
 * @param {import('../run.mjs').Context} ctx
 * @param {string} id An APPS key.
 * @param {string} [name=id] The instance name (distinct per simultaneous mount).
 * @returns {import('./shells.mjs').App}
 */
export function appOf(ctx, id, name = id) {
  return { name, url: `${ctx.appsUrl}/fixtures/${id}/`, lifecycles: APPS[id].lifecycles, modules: Boolean(APPS[id].modules) };
}
