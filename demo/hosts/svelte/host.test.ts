import { clickThrough } from '../click-through.js';

describe('SvelteKit host portal (Svelte 5, SvelteKit 2 router, adapter-static)', () => {
  it('mounts the sub-apps by route, passes data down, hears their messages and errors, and starts them fresh on return', async () => {
    await clickThrough('svelte');
  });
});
