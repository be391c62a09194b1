import { createElement as h } from 'react';

const LINES = [
  ['Mechanical keyboard', 1, 129],
  ['USB-C cable', 2, 12],
];

/** Lazily loaded order details. */
export default function Details() {
  const total = LINES.reduce((sum, [, qty, price]) => sum + qty * price, 0);
  return h(
    'section',
    { className: 'rx-details', id: 'details-panel' },
    h('p', { className: 'rx-loaded' }, 'Order details loaded'),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        LINES.map(([name, qty, price]) =>
          h('tr', { key: name }, h('td', null, name), h('td', null, `×${qty}`), h('td', null, `$${qty * price}`)),
        ),
        h('tr', { className: 'rx-total' }, h('td', { colSpan: 2 }, 'Total'), h('td', null, `$${total}`)),
      ),
    ),
  );
}
