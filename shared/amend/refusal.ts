import type { ApplyFailure } from './result';

/** Thrown while applying one instruction: it is refused with this reason and changes nothing. */
export class Refusal {
  constructor(
    readonly reason: ApplyFailure,
    readonly detail?: string,
  ) {}
}
