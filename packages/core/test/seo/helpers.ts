import { ValidationError } from "../../src/errors/index.js";

export function isValidationErrorLike(error: unknown): error is ValidationError {
  return error instanceof ValidationError && error.code === "validation_failed";
}
