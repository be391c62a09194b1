import { Component, Injectable, NgZone, inject, provideZoneChangeDetection } from '@angular/core';
import { HttpClient, provideHttpClient } from '@angular/common/http';
import { bootstrapApplication } from '@angular/platform-browser';
import { ActivatedRoute, provideRouter, RouterLink, RouterOutlet } from '@angular/router';

interface Ticket {
  id: number;
  title: string;
}

/** The tickets, loaded once with HttpClient (an XMLHttpRequest, which zone.js tracks) and shared by the routes. */
@Injectable({ providedIn: 'root' })
class Tickets {
  list: Ticket[] = [];
  constructor() {
    // Relative to <base href>: the app's own origin. No manual change detection: zone.js sees the response.
    inject(HttpClient)
      .get<Ticket[]>('tickets.json')
      .subscribe((list) => (this.list = list));
  }
}

@Component({
  selector: 'tickets-list',
  imports: [RouterLink],
  template: `
    <ul>
      @for (t of tickets.list; track t.id) {
        <li><a [routerLink]="['/ticket', t.id]" class="ticket-link">{{ t.title }}</a></li>
      }
    </ul>
  `,
})
class TicketList {
  protected readonly tickets = inject(Tickets);
}

@Component({
  selector: 'ticket-detail',
  imports: [RouterLink],
  template: `<h2 id="detail">Ticket {{ id }}</h2><a routerLink="/" id="back">All tickets</a>`,
})
class TicketDetail {
  protected readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id');
}

/**
 * A zone.js Angular app as `ng new` made them before v21: change detection
 * runs when zone.js sees a click, a timer or a promise settle; nothing calls
 * it by hand.
 */
@Component({
  selector: 'helpdesk-root',
  imports: [RouterOutlet],
  template: `
    <h1>Helpdesk</h1>
    <button id="count" type="button" (click)="count = count + 1">Clicked {{ count }} times</button>
    <p id="timer">{{ timer }}</p>
    <p id="zone">{{ inZone ? 'in the Angular zone' : 'outside the Angular zone' }}</p>
    <router-outlet />
  `,
})
class HelpdeskRoot {
  protected count = 0;
  protected timer = 'waiting';
  protected readonly inZone = NgZone.isInAngularZone();
  constructor() {
    setTimeout(() => (this.timer = 'timer fired'), 30);
    Promise.resolve().then(() => new Promise((r) => setTimeout(r, 60))).then(() => (this.timer = 'promise settled'));
  }
}

bootstrapApplication(HelpdeskRoot, {
  providers: [
    provideZoneChangeDetection({ eventCoalescing: true }),
    provideHttpClient(),
    provideRouter([
      { path: '', component: TicketList },
      { path: 'ticket/:id', component: TicketDetail },
    ]),
  ],
}).catch((error: unknown) => console.error(error));
