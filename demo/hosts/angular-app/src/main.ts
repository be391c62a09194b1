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
    <button id="attach" type="button" (click)="attach()">Attach notes</button>
    <p id="attachment">{{ attachment }}</p>
    <button id="load-draft" type="button" (click)="loadDraft()">Load draft</button>
    <p id="draft">{{ draft }}</p>
    <router-outlet />
  `,
})
class HelpdeskRoot {
  protected count = 0;
  protected timer = 'waiting';
  protected readonly inZone = NgZone.isInAngularZone();
  protected attachment = 'no attachment';
  protected draft = 'no draft';
  constructor() {
    setTimeout(() => (this.timer = 'timer fired'), 30);
    Promise.resolve().then(() => new Promise((r) => setTimeout(r, 60))).then(() => (this.timer = 'promise settled'));
  }

  /** A file read: the view shows it only if zone.js saw the reader's `load` (a listener, not `onload`). */
  protected attach(): void {
    const reader = new FileReader();
    reader.addEventListener('load', () => (this.attachment = `attached: ${reader.result}`));
    reader.readAsText(new Blob(['printer manual']));
  }

  /** IndexedDB as idb-keyval and localForage use it (`on…` handlers), seen by zone.js through the requests' listeners. */
  protected loadDraft(): void {
    const open = indexedDB.open('helpdesk-drafts', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('drafts');
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('drafts', 'readwrite').objectStore('drafts');
      store.put('Printer still on fire', 'latest');
      const read = store.get('latest');
      read.onsuccess = () => {
        this.draft = `draft: ${read.result}`;
        db.close();
      };
    };
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
