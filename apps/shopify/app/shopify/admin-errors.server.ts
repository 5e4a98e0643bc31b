import { NinjaLeadError, type NinjaLeadErrorCode } from "@ninjalead/core";

/** One GraphQL error as Shopify returns it. */
export interface GraphqlErrorItem {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * An Admin API call that failed for good (after the retries the failure deserved). `status` is the
 * HTTP status (200 for GraphQL-level errors), `errors` the GraphQL errors when Shopify sent some.
 */
export class AdminApiError extends NinjaLeadError {
  override readonly name: string = "AdminApiError";
  constructor(
    code: NinjaLeadErrorCode,
    message: string,
    readonly status: number,
    readonly errors: readonly GraphqlErrorItem[] = [],
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(code, message, {
      ...options,
      details: { status, errorCodes: errors.map((e) => e.extensions?.code ?? null) },
    });
  }
}

/** The document asks for more than the single-query cost limit: make it smaller (fewer per page). */
export class QueryCostExceededError extends AdminApiError {
  override readonly name: string = "QueryCostExceededError";
  constructor(
    readonly cost: number | undefined,
    readonly maxCost: number | undefined,
    errors: readonly GraphqlErrorItem[],
  ) {
    super(
      "bad_request",
      `Query cost ${cost ?? "?"} exceeds the single-query limit ${maxCost ?? "?"}`,
      200,
      errors,
      {
        retryable: false,
      },
    );
  }
}
