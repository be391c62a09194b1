import { clickThrough } from '../click-through.js';

describe('Angular 21 host portal (Angular CLI application builder, Angular router)', () => {
  it('mounts the sub-apps by route, passes data down, hears their messages and errors, and starts them fresh on return', async () => {
    await clickThrough('angular');
  });
});
