/**
 * The one error type the engine throws for a bad model. `field` is a path into
 * the model (`faults[1].zone`), `reason` says what is wrong, and the message
 * joins them so a reader typing in a live code block sees both at once.
 */
export class ModelError extends Error {
  /** Path of the offending field, e.g. `service.capacityPerTask`. */
  readonly field: string;
  /** Why the value is rejected. */
  readonly reason: string;

  /** Builds `field: reason`. */
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'ModelError';
    this.field = field;
    this.reason = reason;
  }
}
