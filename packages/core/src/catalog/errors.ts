import { NinjaLeadError, type FieldIssue, type NinjaLeadErrorCode } from "../errors/index.js";

/** Why an import was refused; each has a translated message in `catalogMessages`. */
export type ImportFailureReason =
  | "invalid_payload"
  | "platform_error"
  | "missing_product_id"
  | "missing_title"
  | "no_purchasable_sku"
  | "invalid_url"
  | "short_link"
  | "not_aliexpress";

/**
 * A source product (or URL) that cannot become a Shopify product. Nothing partial is ever
 * returned alongside it: either the whole product imports or this is thrown. `field` is the
 * dotted path of the first offending field in the payload, `issues` lists every one found.
 */
export class ImportError extends NinjaLeadError {
  override readonly name: string = "ImportError";
  readonly reason: ImportFailureReason;
  readonly issues: readonly FieldIssue[];

  constructor(reason: ImportFailureReason, message: string, issues: readonly FieldIssue[], cause?: unknown) {
    super("import_failed", message, {
      retryable: false,
      details: { reason, issues },
      ...(cause === undefined ? {} : { cause }),
    });
    this.reason = reason;
    this.issues = issues;
  }

  /** The first offending field path (`result.ae_item_base_info_dto.subject`). */
  get field(): string {
    return this.issues[0]?.path ?? "(root)";
  }
}

/**
 * An error answered by the AliExpress Open Platform (or the transport to it). `platformCode` is
 * the platform's own code (`IncompleteSignature`, `ApiCallLimit`, …), `requestId` what their
 * support asks for.
 */
export class AliExpressApiError extends NinjaLeadError {
  override readonly name: string = "AliExpressApiError";
  readonly platformCode: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  /** How long the gateway asked us to wait before retrying (from `Retry-After`), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: NinjaLeadErrorCode,
    message: string,
    init: {
      platformCode: string;
      status?: number | undefined;
      requestId?: string | undefined;
      retryAfterMs?: number | undefined;
      retryable: boolean;
      cause?: unknown;
    },
  ) {
    super(code, message, {
      retryable: init.retryable,
      details: { platformCode: init.platformCode, status: init.status, requestId: init.requestId },
      ...(init.cause === undefined ? {} : { cause: init.cause }),
    });
    this.platformCode = init.platformCode;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
  }
}
