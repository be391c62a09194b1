import { Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { PortalState } from './portal-state';

/** The Angular portal's frame: the router's links, the user field, the stage, the status and the message log. */
@Component({
  selector: 'portal-root',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <header>
      <strong>Angular portal</strong>
      <a id="to-profile" routerLink="/profile" routerLinkActive="active">Profile</a>
      <a id="to-inventory" routerLink="/inventory" routerLinkActive="active">Inventory</a>
      <a id="to-broken" routerLink="/broken" routerLinkActive="active">Broken</a>
      <label>User <input id="user" [value]="state.user()" (input)="state.user.set(input.value)" #input /></label>
    </header>
    <main>
      <router-outlet />
      <aside>
        <p id="status">{{ state.status() }}</p>
        <ol id="messages">
          @for (m of state.messages(); track $index) {
            <li>{{ m }}</li>
          }
        </ol>
      </aside>
    </main>
  `,
})
export class Portal {
  protected readonly state = inject(PortalState);
}
