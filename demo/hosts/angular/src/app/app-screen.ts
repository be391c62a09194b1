import { Component, computed, CUSTOM_ELEMENTS_SCHEMA, inject, input } from '@angular/core';
import type { MicroAppErrorEvent, MicroAppMessageEvent, MicroAppStatusEvent } from 'portico';
import { errorOf, messageOf, statusOf, subApps } from '../../../shared/portal';
import { PortalState } from './portal-state';

/**
 * One sub-app on the stage, per route (the route's `which` arrives as an
 * input). `CUSTOM_ELEMENTS_SCHEMA` lets the template use `<micro-app>`;
 * Angular binds `[data]` as a property and `(micro-app-mounted)` as a DOM
 * event listener. Angular has no per-tag typings for custom elements: the
 * handlers take `Event` and narrow to Portico's event classes.
 */
@Component({
  selector: 'portal-app-screen',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <micro-app
      [name]="app().name"
      [src]="app().src"
      [data]="which() === 'profile' ? data() : undefined"
      [retry]="0"
      (micro-app-mounted)="onMounted($event)"
      (micro-app-error)="onError($event)"
      (micro-app-message)="onMessage($event)"
    >
      @if (which() === 'broken') {
        <p id="fallback" slot="error">Broken is unavailable.</p>
      }
    </micro-app>
  `,
})
export class AppScreen {
  readonly which = input.required<'profile' | 'inventory' | 'broken'>();
  private readonly state = inject(PortalState);
  protected readonly app = computed(() => subApps()[this.which()]);
  /** One object per user, so each change reaches the app once. */
  protected readonly data = computed(() => ({ user: this.state.user() }));

  protected onMounted(event: Event): void {
    this.state.status.set(statusOf(event as MicroAppStatusEvent));
  }
  protected onError(event: Event): void {
    this.state.status.set(errorOf(event as MicroAppErrorEvent));
  }
  protected onMessage(event: Event): void {
    const line = messageOf(event as MicroAppMessageEvent);
    this.state.messages.update((list) => [...list, line]);
  }
}
