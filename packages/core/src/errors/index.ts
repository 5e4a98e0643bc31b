/**
 * One error hierarchy for the whole SDK. Every error carries a string `code` so callers can
 * branch on it even when two copies of the SDK are bundled (instanceof fails across copies),
 * and says whether retrying the same call could succeed.
 */

export type NinjaLeadErrorCode =
  | "bad_request"
  | "invalid_config"
  | "validation_failed"
  | "not_found"
  | "conflict"
  | "auth_failed"
  | "rate_limited"
  | "quota_exceeded"
  | "timeout"
  | "aborted"
  | "provider_unavailable"
  | "invalid_output"
  | "cache_unavailable"
  | "import_failed"
  | "internal";

export interface NinjaLeadErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  details?: Record<string, unknown>;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<NinjaLeadErrorCode> = new Set([
  "rate_limited",
  "timeout",
  "provider_unavailable",
  "cache_unavailable",
]);

export class NinjaLeadError extends Error {
  override readonly name: string = "NinjaLeadError";
  readonly code: NinjaLeadErrorCode;
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: NinjaLeadErrorCode, message: string, options: NinjaLeadErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.details = options.details ?? {};
  }

  /** Plain JSON for logs and API bodies; never includes the cause chain (it may hold secrets). */
  toJSON(): { name: string; code: NinjaLeadErrorCode; message: string; retryable: boolean } {
    return { name: this.name, code: this.code, message: this.message, retryable: this.retryable };
  }
}

/** One problem in caller-supplied data, with the path of the field that caused it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Input or configuration that fails validation. `issues` lists every problem found, each with
 * the dotted path of the field, so a form or an API can point at the exact input.
 */
export class ValidationError extends NinjaLeadError {
  override readonly name: string = "ValidationError";
  readonly issues: readonly FieldIssue[];

  constructor(
    message: string,
    issues: readonly FieldIssue[],
    options: NinjaLeadErrorOptions & { code?: "validation_failed" | "invalid_config" | "bad_request" } = {},
  ) {
    super(options.code ?? "validation_failed", message, { ...options, retryable: false });
    this.issues = issues;
  }

  /** The first offending field path, for callers that show one message. */
  get field(): string | undefined {
    return this.issues[0]?.path;
  }
}

/** True for any SDK error, even one thrown by another bundled copy of the SDK. */
export function isNinjaLeadError(value: unknown): value is NinjaLeadError {
  return (
    value instanceof NinjaLeadError ||
    (typeof value === "object" &&
      value !== null &&
      typeof (value as { code?: unknown }).code === "string" &&
      typeof (value as { retryable?: unknown }).retryable === "boolean" &&
      value instanceof Error)
  );
}
