import { isNinjaLeadError } from "@ninjalead/core/errors";
import type { z } from "zod";
import type { MarketingMessageKey } from "~/i18n/marketing-messages.js";

export interface FieldError {
  key: MarketingMessageKey;
  params?: Record<string, string>;
}
export type FieldErrors = Partial<Record<string, FieldError>>;

export type MarketingErrorCode =
  /** Input refused by the schema: `fields` says which field and why. */
  | "invalid_input"
  /** No such persona/campaign in this shop (another shop's id included). */
  | "not_found"
  /** The shop has no customer with an order yet: nothing to ground personas in. */
  | "no_customers"
  /** The action does not apply in the current state (editing an archived campaign…). */
  | "conflict"
  /** The shop's AI credits for this period are used up (plan ceiling reached). */
  | "quota_exceeded"
  /** The AI providers are down, throttling or too slow right now: retry later. */
  | "ai_unavailable";

/**
 * What the persona and campaign services throw for a refused request. Routes turn it into inline
 * form errors, the public API into a 400/404/409 body; nothing has been written when it is thrown.
 */
export class MarketingError extends Error {
  override readonly name = "MarketingError";
  constructor(
    readonly code: MarketingErrorCode,
    readonly key: MarketingMessageKey,
    readonly fields: FieldErrors = {},
  ) {
    super(`${code}: ${key}${Object.keys(fields).length ? ` (${Object.keys(fields).join(", ")})` : ""}`);
  }
}

const isMessageKey = (message: string): message is MarketingMessageKey => message.startsWith("marketing.");

/** How an issue's path names the form field: its first segment unless the caller says otherwise. */
export type FieldOf = (path: readonly PropertyKey[]) => string;
const firstSegment: FieldOf = (path) => String(path[0] ?? "");
/** The full dotted path (copy edits name `content.sections.1.body`). */
export const dottedPath: FieldOf = (path) => path.map(String).join(".");

/** Parses `input` or throws an `invalid_input` MarketingError naming each refused field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  fieldOf: FieldOf = firstSegment,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path) || "form";
    fields[field] ??= isMessageKey(issue.message)
      ? { key: issue.message }
      : { key: "marketing.error.invalid", params: { detail: issue.message } };
  }
  throw new MarketingError("invalid_input", "marketing.error.form", fields);
}

/**
 * Runs AI work; the engine's "no credits left" and "providers unavailable" failures become typed
 * refusals (the page says so, the API answers 402/503) instead of server errors.
 */
export async function withAiErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isNinjaLeadError(error)) {
      if (error.code === "quota_exceeded")
        throw new MarketingError("quota_exceeded", "marketing.error.quota");
      if (error.code === "rate_limited" || error.code === "provider_unavailable" || error.code === "timeout")
        throw new MarketingError("ai_unavailable", "marketing.error.aiUnavailable");
    }
    throw error;
  }
}
