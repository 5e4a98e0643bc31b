import type { z } from "zod";
import { ValidationError, type FieldIssue } from "../errors/index.js";

/** Flattens zod issues into `{path, message}` pairs with dotted paths (`items.3.price`). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/**
 * Parses `input` with `schema` or throws one ValidationError listing every invalid field.
 * Used at every public boundary of the SDK so callers get all problems at once.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  code: "validation_failed" | "invalid_config" | "bad_request" = "validation_failed",
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  const list = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new ValidationError(`Invalid ${what}: ${list}`, issues, { code });
}
