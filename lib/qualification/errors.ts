/**
 * Thrown for inputs that cannot be explained away, such as a stage id the pipeline does not contain: that is a
 * data-integrity bug in the caller, not a qualification outcome, so it is not folded into a result.
 */
export class QualificationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QualificationInputError";
  }
}
