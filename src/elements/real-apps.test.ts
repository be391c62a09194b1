import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';
import { press } from '../test/user.js';

const click = (el: Element | null) => (el as HTMLElement).click();

describe('real third-party apps run unchanged', () => {
  it('a jQuery app with globals shared between scripts renders and responds to clicks', async () => {
    const el = await mount('todos', `${APPS}/jquery/`);
    try {
      const { root, window: win } = inside(el);
      // jQuery runs ready handlers in a timeout after DOMContentLoaded, as it does standalone.
      await until(() => root.getElementById('count')!.textContent === '2 items', 2000, 'jQuery ready');
      click(root.getElementById('add'));
      expect(root.getElementById('count')!.textContent).to.equal('3 items');
      expect(root.querySelectorAll('#list li').length).to.equal(3);
      expect(typeof win!.jQuery).to.equal('function');
      expect(win!.todos.length).to.equal(3);
      for (const key of ['jQuery', '$', 'todos', 'render', 'addTodo']) expect(key in window, key).to.equal(false);
      // The logo, a relative <img>, came from the app's origin.
      expect((root.querySelector('img') as HTMLImageElement).naturalWidth).to.be.greaterThan(0);
    } finally {
      await unmount(el);
    }
  });

  it('a React 19 webpack build renders, handles clicks, and loads a lazy JSONP chunk into its sandbox', async () => {
    const el = await mount('orders', `${APPS}/react/`);
    try {
      const { root, window: win } = inside(el);
      await until(() => root.getElementById('inc'), 3000, 'React render');
      click(root.getElementById('inc'));
      await until(() => root.getElementById('inc')!.textContent === 'Clicked 1 times', 2000, 'React click');
      click(root.getElementById('details'));
      await until(() => root.textContent!.includes('Order details loaded'), 5000, 'lazy chunk');
      // The chunk ran in the sandbox: its JSONP array is the app's, and the host has none.
      expect(Object.keys(window).some((key) => key.startsWith('webpackChunk'))).to.equal(false);
      expect(Object.keys(win!.webpackChunkportico_demo_react).length).to.be.greaterThan(0);
    } finally {
      await unmount(el);
    }
  });

  it('two instances of the same app under two names stay isolated', async () => {
    const a = await mount('todos-a', `${APPS}/jquery/`);
    const b = await mount('todos-b', `${APPS}/jquery/`);
    try {
      for (const el of [a, b]) await until(() => inside(el).root.getElementById('count')!.textContent === '2 items', 2000, 'ready');
      click(inside(a).root.getElementById('add'));
      click(inside(a).root.getElementById('add'));
      expect(inside(a).root.getElementById('count')!.textContent).to.equal('4 items');
      expect(inside(b).root.getElementById('count')!.textContent).to.equal('2 items');
      expect(inside(a).window!.todos).to.not.equal(inside(b).window!.todos);
      expect(inside(a).window!.jQuery).to.not.equal(inside(b).window!.jQuery);
    } finally {
      await unmount(a);
      await unmount(b);
    }
  });

  it('several different apps on one page at once', async () => {
    const apps = await Promise.all([
      mount('m-jquery', `${APPS}/jquery/`),
      mount('m-react', `${APPS}/react/`),
      mount('m-basic', `${APPS}/fixtures/basic/`),
      mount('m-qiankun', `${APPS}/fixtures/qiankun-umd/`),
    ]);
    try {
      expect(apps.map((el) => el.status)).to.deep.equal(['mounted', 'mounted', 'mounted', 'mounted']);
      await until(() => inside(apps[1]!).root.getElementById('inc'), 3000, 'React render');
      await until(() => inside(apps[0]!).root.getElementById('count')!.textContent === '2 items', 2000, 'jQuery ready');
      click(inside(apps[0]!).root.getElementById('add'));
      expect(inside(apps[0]!).root.getElementById('count')!.textContent).to.equal('3 items');
    } finally {
      for (const el of apps) await unmount(el);
    }
  });

  it('a lit 3 app (webpack) renders its element and a plain lit-html template, and responds to typing and clicks', async () => {
    const el = await mount('lit-tasks', `${APPS}/lit/`);
    try {
      const { root } = inside(el);
      const list = (await until(() => root.querySelector('task-list')?.shadowRoot, 3000, 'lit render'))!;
      await until(() => list.querySelector('#count'), 2000, 'template');
      expect(list.querySelector('h2')!.textContent).to.equal('Tasks');
      expect(list.querySelector('#count')!.textContent).to.equal('1 open');
      expect(root.getElementById('plain')!.textContent).to.equal('lit-html rendered directly');
      expect(root.querySelector('#plain b')!.textContent).to.equal('directly');
      const input = list.querySelector<HTMLInputElement>('#draft')!;
      input.value = 'Ship it';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      press(list.querySelector('#add')!);
      await until(() => list.querySelector('#count')!.textContent === '2 open', 2000, 'added');
      expect([...list.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['Write the spec', 'Ship it']);
      press(list.querySelector('li')!);
      await until(() => list.querySelector('#count')!.textContent === '1 open', 2000, 'toggled');
      expect(list.querySelector('li')!.classList.contains('done')).to.equal(true);
      // lit's own styles applied inside its shadow root.
      expect(getComputedStyle(list.querySelector('li')!).textDecorationLine).to.equal('line-through');
    } finally {
      await unmount(el);
    }
  });

  it('a Chart.js 4 chart draws its bars, follows its box when it resizes, and answers a click on a bar', async () => {
    const el = await mount('chart', `${APPS}/fixtures/chartjs/`);
    try {
      const { root, window: win } = inside(el);
      const canvas = root.getElementById('chart') as HTMLCanvasElement;
      const chart = win!.chart;
      await until(() => canvas.getBoundingClientRect().width === 400, 2000, 'canvas sized to its box');
      const bar = chart.getDatasetMeta(0).data[1];
      // The bar's pixels are the dataset's colour.
      const pixel = canvas.getContext('2d')!.getImageData(Math.round(bar.x * devicePixelRatio), Math.round((bar.y + 10) * devicePixelRatio), 1, 1).data;
      expect([...pixel.slice(0, 3)]).to.deep.equal([40, 120, 200]);
      const box = canvas.getBoundingClientRect();
      canvas.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: box.left + bar.x, clientY: box.top + bar.y + 10 }));
      await until(() => root.getElementById('picked')!.textContent === 'Tue', 2000, 'click on the Tue bar');
      (root.getElementById('box') as HTMLElement).style.width = '300px';
      await until(() => canvas.getBoundingClientRect().width === 300, 2000, 'the chart follows its box');
    } finally {
      await unmount(el);
    }
  });

  it('an ECharts 5 chart draws its bars, shows its tooltip on hover, and answers a click on a bar', async () => {
    const el = await mount('echarts', `${APPS}/fixtures/echarts/`);
    try {
      const { root, window: win } = inside(el);
      const canvas = await until(() => root.querySelector('canvas'), 3000, 'canvas');
      const [x, top] = win!.chart.convertToPixel({ seriesIndex: 0 }, ['Tue', 7]) as [number, number];
      const y = top + 20;
      const pixel = canvas!.getContext('2d')!.getImageData(Math.round(x * devicePixelRatio), Math.round(y * devicePixelRatio), 1, 1).data;
      expect([...pixel.slice(0, 3)]).to.deep.equal([200, 60, 40]);
      const box = canvas!.getBoundingClientRect();
      const at = { bubbles: true, composed: true, cancelable: true, clientX: box.left + x, clientY: box.top + y, button: 0 };
      const pointer = { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true };
      canvas!.dispatchEvent(new PointerEvent('pointermove', pointer));
      canvas!.dispatchEvent(new MouseEvent('mousemove', at));
      await until(() => [...root.querySelectorAll<HTMLElement>('#chart div')].some((div) => div.textContent!.includes('Tue') && div.style.display !== 'none'), 3000, 'tooltip');
      canvas!.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, buttons: 1 }));
      canvas!.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
      canvas!.dispatchEvent(new PointerEvent('pointerup', pointer));
      canvas!.dispatchEvent(new MouseEvent('mouseup', at));
      canvas!.dispatchEvent(new MouseEvent('click', at));
      await until(() => root.getElementById('picked')!.textContent === 'Tue', 2000, 'click on the Tue bar');
    } finally {
      await unmount(el);
    }
  });
});
