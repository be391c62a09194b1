import { createElement as h, useState } from 'react';
import { Button, Dropdown, Modal, Select, Space, message, notification } from 'antd';

const STATUSES = [
  { value: 'open', label: 'Open', className: 'status-open' },
  { value: 'shipped', label: 'Shipped', className: 'status-shipped' },
  { value: 'closed', label: 'Closed', className: 'status-closed' },
];

const ACTIONS = [
  { key: 'print', label: 'Print label', className: 'action-print' },
  { key: 'refund', label: 'Refund', className: 'action-refund' },
];

/** An order card: a status Select, an actions Dropdown, a confirm Modal, a message and a notification. */
export function App() {
  const [status, setStatus] = useState('open');
  const [last, setLast] = useState('none');
  const [cancelOpen, setCancelOpen] = useState(false);
  const [cancelled, setCancelled] = useState(false);

  const act = ({ key }) => {
    setLast(key);
    message.success({ content: `Done: ${key}`, className: 'action-message' });
  };

  return h(
    'main',
    { style: { maxWidth: 520, margin: '16px auto', padding: 16, fontFamily: 'sans-serif' } },
    h('h1', { style: { fontSize: 20, marginTop: 0 } }, 'Order #1024'),
    h(
      Space,
      { wrap: true },
      h(Select, {
        id: 'status-select',
        className: 'status-select',
        popupClassName: 'status-popup',
        value: status,
        onChange: setStatus,
        options: STATUSES,
        style: { width: 140 },
      }),
      h(
        Dropdown,
        { menu: { items: ACTIONS, onClick: act }, trigger: ['click'], overlayClassName: 'actions-popup' },
        h(Button, { id: 'actions' }, 'Actions ▾'),
      ),
      h(Button, { id: 'open-cancel', danger: true, onClick: () => setCancelOpen(true) }, 'Cancel order'),
      h(
        Button,
        {
          id: 'notify',
          onClick: () => notification.info({ message: 'Customer notified', description: 'An e-mail is on its way.', className: 'notified' }),
        },
        'Notify customer',
      ),
    ),
    h('p', { id: 'summary' }, `status: ${status} · last action: ${last} · ${cancelled ? 'cancelled' : 'active'}`),
    h(
      Modal,
      {
        open: cancelOpen,
        title: 'Cancel this order?',
        className: 'cancel-modal',
        okText: 'Cancel order',
        cancelText: 'Keep it',
        okButtonProps: { id: 'cancel-ok' },
        cancelButtonProps: { id: 'cancel-keep' },
        onOk: () => {
          setCancelled(true);
          setCancelOpen(false);
        },
        onCancel: () => setCancelOpen(false),
      },
      h('p', null, 'The customer is refunded and told by e-mail.'),
    ),
  );
}
