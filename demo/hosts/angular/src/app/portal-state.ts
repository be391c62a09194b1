import { Injectable, signal } from '@angular/core';
import { FIRST_USER } from '../../../shared/portal';

/** The portal's state: the signed-in user, the last status line and the message log. */
@Injectable({ providedIn: 'root' })
export class PortalState {
  readonly user = signal(FIRST_USER);
  readonly status = signal('no app yet');
  readonly messages = signal<string[]>([]);
}
