import { FIRST_USER } from '../../../shared/portal';

/** The portal's state: the signed-in user, the last status line and the message log. */
export const portal = $state({ user: FIRST_USER, status: 'no app yet', messages: [] as string[] });
