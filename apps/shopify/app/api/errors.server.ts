import type { FieldIssue } from "@ninjalead/core/errors";
import { catalog, t, type MessageKey } from "../i18n/t.js";

/** A schema message that is a key of the app's catalog (shared with the admin forms), in English. */
export function readableMessage(message: string): string {
  return message in catalog.en ? t("en", message as MessageKey) : message;
}

export type ApiErrorCode =
  | "unauthorized"
  | "forbidden"
  | "plan_required"
  | "not_found"
  | "method_not_allowed"
  | "validation_failed"
  | "idempotency_conflict"
  | "conflict"
  | "quota_exceeded"
  | "rate_limited"
  | "payload_too_large"
  | "unavailable"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  plan_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  validation_failed: 400,
  idempotency_conflict: 422,
  conflict: 409,
  quota_exceeded: 402,
  rate_limited: 429,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

/** An error the public API answers with: `{ error: { code, message, issues?, requestId } }`. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function errorResponse(error: ApiError, requestId: string): Response {
  return Response.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.issues.length ? { issues: error.issues } : {}),
        requestId,
      },
    },
    { status: error.status, headers: { ...error.headers, "X-Request-Id": requestId } },
  );
}
