/**
 * A problem found while resolving a model (a reference to a setting that does not exist, a bad
 * policy entry), at a path inside the model, which the loader turns into
 * "file:line: field: reason".
 *
 * @module
 */

/** A problem with a model at a path (field names and array indices from the model's root). */
export class ModelProblem extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
    this.name = 'ModelProblem';
  }
}
