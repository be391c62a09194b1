/**
 * The states a `<micro-app>` moves through. `idle` is before the first load;
 * the others are public: they are the element's `status`, its custom state
 * (`micro-app:state(mounted)`) and the suffix of its events.
 */
export type MicroAppStatus = 'idle' | 'loading' | 'mounting' | 'mounted' | 'unmounting' | 'unmounted' | 'error';

/**
 * Which transitions are legal. Loading and mounting can be cut short by an
 * unmount (element removed, src changed); any state can fail into `error`;
 * `error` and `unmounted` can start over (retry, new src).
 */
const TRANSITIONS: Record<MicroAppStatus, readonly MicroAppStatus[]> = {
  idle: ['loading', 'error'],
  loading: ['mounting', 'unmounting', 'error'],
  mounting: ['mounted', 'unmounting', 'error'],
  mounted: ['unmounting', 'error'],
  unmounting: ['unmounted', 'error'],
  unmounted: ['loading', 'error'],
  error: ['loading', 'unmounting'],
};

/** True when `from → to` is a legal step. */
export function canTransition(from: MicroAppStatus, to: MicroAppStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * A guarded state holder: `to()` refuses illegal steps instead of letting an
 * out-of-order async callback (a late fetch, a slow unmount) corrupt the state.
 */
export class Lifecycle {
  #status: MicroAppStatus = 'idle';
  readonly #onChange: (status: MicroAppStatus, previous: MicroAppStatus) => void;

  constructor(onChange: (status: MicroAppStatus, previous: MicroAppStatus) => void) {
    this.#onChange = onChange;
  }

  get status(): MicroAppStatus {
    return this.#status;
  }

  /** Moves to `next` if legal and reports the change; returns whether it moved. */
  to(next: MicroAppStatus): boolean {
    const previous = this.#status;
    if (!canTransition(previous, next)) return false;
    this.#status = next;
    this.#onChange(next, previous);
    return true;
  }
}
