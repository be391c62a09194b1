import adapter from '@sveltejs/adapter-static';

/**
 * The SvelteKit host portal: a single-page app (no SSR: Portico's elements
 * run in the browser), written by adapter-static into ../dist/svelte/ with
 * index.html as the fallback for every route.
 */
export default {
  kit: {
    adapter: adapter({ pages: '../dist/svelte', assets: '../dist/svelte', fallback: 'index.html', strict: false }),
    paths: { base: '/demo/hosts/dist/svelte' },
  },
};
