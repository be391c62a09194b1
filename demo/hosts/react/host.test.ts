import { clickThrough } from '../click-through.js';

describe('React 19 host portal (Vite, react-router 7)', () => {
  it('mounts the sub-apps by route, passes data down, hears their messages and errors, and starts them fresh on return', async () => {
    await clickThrough('react');
  });
});
