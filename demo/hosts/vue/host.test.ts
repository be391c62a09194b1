import { clickThrough } from '../click-through.js';

describe('Vue 3 host portal (Vite, vue-router 4)', () => {
  it('mounts the sub-apps by route, passes data down, hears their messages and errors, and starts them fresh on return', async () => {
    await clickThrough('vue');
  });
});
