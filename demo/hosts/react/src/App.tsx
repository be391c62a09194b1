import { useMemo, useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import type { MicroAppErrorEvent, MicroAppMessageEvent, MicroAppStatusEvent } from 'portico';
import { errorOf, FIRST_USER, messageOf, statusOf, subApps } from '../../shared/portal';

const apps = subApps();

/**
 * The React 19 portal: react-router switches between the sub-apps, `data`
 * goes down as a property, and the elements' events are heard through
 * React 19's custom-element event props (`onmicro-app-mounted`).
 */
export function App() {
  const [user, setUser] = useState(FIRST_USER);
  const [status, setStatus] = useState('no app yet');
  const [messages, setMessages] = useState<string[]>([]);
  // One object per user, not per render: each new `data` reaches the app as an update.
  const data = useMemo(() => ({ user }), [user]);
  const events = {
    'onmicro-app-mounted': (e: MicroAppStatusEvent) => setStatus(statusOf(e)),
    'onmicro-app-error': (e: MicroAppErrorEvent) => setStatus(errorOf(e)),
    'onmicro-app-message': (e: MicroAppMessageEvent) => setMessages((list) => [...list, messageOf(e)]),
  };
  return (
    <>
      <header>
        <strong>React 19 portal</strong>
        <NavLink id="to-profile" to="/profile">Profile</NavLink>
        <NavLink id="to-inventory" to="/inventory">Inventory</NavLink>
        <NavLink id="to-broken" to="/broken">Broken</NavLink>
        <label>
          User <input id="user" value={user} onChange={(e) => setUser(e.target.value)} />
        </label>
      </header>
      <main>
        <Routes>
          <Route path="/" element={<p id="home">Pick an app above.</p>} />
          <Route path="/profile" element={<micro-app name={apps.profile.name} src={apps.profile.src} data={data} {...events} />} />
          <Route path="/inventory" element={<micro-app name={apps.inventory.name} src={apps.inventory.src} {...events} />} />
          <Route
            path="/broken"
            element={
              <micro-app name={apps.broken.name} src={apps.broken.src} retry={0} {...events}>
                <p slot="error" id="fallback">Broken is unavailable.</p>
              </micro-app>
            }
          />
        </Routes>
        <aside>
          <p id="status">{status}</p>
          <ol id="messages">
            {messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ol>
        </aside>
      </main>
    </>
  );
}
