import { z } from "zod";
import { NinjaLeadError, type NinjaLeadErrorCode } from "../../errors/index.js";
import { parseOrThrow } from "../../internal/zod.js";
import { silentLogger, type Logger } from "../../logger.js";
import { AliExpressApiError } from "../errors.js";
import type { SourceProduct } from "../types.js";
import { parseAliExpressJson } from "./loose.js";
import { parseAliExpressProduct } from "./parse.js";
import { signAliExpressRequest } from "./sign.js";
import { parseAliExpressUrl } from "./url.js";

export const ALIEXPRESS_SYNC_ENDPOINT = "https://api-sg.aliexpress.com/sync";

const configSchema = z.object({
  appKey: z.string().trim().min(1),
  appSecret: z.string().min(1),
  /** The seller's OAuth access token, sent as `session` (required by the dropshipping APIs). */
  accessToken: z.string().min(1).optional(),
  endpoint: z.url().default(ALIEXPRESS_SYNC_ENDPOINT),
  timeoutMs: z.number().int().positive().default(15_000),
  maxRetries: z.number().int().min(0).max(10).default(2),
  retryBaseDelayMs: z.number().int().min(0).default(300),
  retryMaxDelayMs: z.number().int().min(0).default(8_000),
});

const getProductOptionsSchema = z.object({
  shipToCountry: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "expected an ISO 3166 country code")
    .optional(),
  targetCurrency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "expected an ISO 4217 currency code")
    .optional(),
  targetLanguage: z
    .string()
    .regex(/^[A-Za-z]{2}(?:[_-][A-Za-z]{2})?$/, "expected a language code such as EN or PT")
    .optional(),
});

export type AliExpressClientConfig = z.input<typeof configSchema> & {
  /** Injected transport (tests, proxies); defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Clock for the `timestamp` parameter; defaults to Date.now. */
  now?: () => number;
  logger?: Logger;
};

export interface CallOptions {
  signal?: AbortSignal;
}

export interface GetProductOptions extends CallOptions {
  /** ISO country the product ships to: changes prices, stock and the logistics block. */
  shipToCountry?: string;
  /** Currency for prices ("USD", "EUR", …). */
  targetCurrency?: string;
  /** Language of titles and names, as the platform spells it ("EN", "FR", "PT", …). */
  targetLanguage?: string;
}

export interface AliExpressClient {
  /** Calls any `/sync` API by name and returns the decoded body; platform errors are thrown. */
  call(method: string, params?: Readonly<Record<string, string>>, options?: CallOptions): Promise<unknown>;
  /** `aliexpress.ds.product.get` for an id or product URL, parsed into a SourceProduct. */
  getProduct(idOrUrl: string, options?: GetProductOptions): Promise<SourceProduct>;
}

/** Platform codes that a retry can fix, and what they mean for the caller. */
function classifyPlatformCode(
  code: string,
  type: string | undefined,
): { code: NinjaLeadErrorCode; retryable: boolean } {
  if (/^(ApiCallLimit|AppCallLimit|.*Frequency.*|.*LimitExceed.*)$/i.test(code))
    return { code: "rate_limited", retryable: true };
  if (/Signature|AccessToken|Session|AppKey|Unauthori[sz]ed|Forbidden|Permission|InsufficientIsv/i.test(code))
    return { code: "auth_failed", retryable: false };
  if (
    /^isp\.|ServiceUnavailable|ServiceTimeout|SystemError|InternalError|RemoteService/i.test(code) ||
    type === "ISP"
  )
    return { code: "provider_unavailable", retryable: true };
  if (/NotExist|NotFound|Offline/i.test(code)) return { code: "not_found", retryable: false };
  return { code: "bad_request", retryable: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/** Recognises both error shapes: `{"error_response":{…}}` (sync) and `{"code":"X","type":"ISV",…}` (IOP). */
function platformErrorOf(body: unknown, status: number): AliExpressApiError | undefined {
  if (!isRecord(body)) return undefined;
  // Business APIs answer `{"<api>_response": {"rsp_code": "500", …}}` for their own failures:
  // 5xx codes are transient on the platform's side; the others are left to the caller's parser.
  const wrapped = Object.entries(body).find(([key, value]) => key.endsWith("_response") && isRecord(value));
  if (wrapped && isRecord(wrapped[1])) {
    const rsp = Number(str(wrapped[1].rsp_code) ?? "200");
    if (rsp >= 500)
      return new AliExpressApiError(
        "provider_unavailable",
        `AliExpress API error ${rsp}: ${str(wrapped[1].rsp_msg) ?? "no message"}`,
        { platformCode: `rsp_${rsp}`, status, requestId: str(wrapped[1].request_id), retryable: true },
      );
  }
  const error = isRecord(body.error_response)
    ? body.error_response
    : str(body.code) !== undefined && str(body.code) !== "0" && ("type" in body || "message" in body)
      ? body
      : undefined;
  if (!error) return undefined;
  const platformCode = str(error.code) ?? "Unknown";
  const subCode = str(error.sub_code);
  const classified = classifyPlatformCode(subCode ?? platformCode, str(error.type));
  const message = str(error.sub_msg) ?? str(error.msg) ?? str(error.message) ?? "no message";
  return new AliExpressApiError(classified.code, `AliExpress API error ${platformCode}: ${message}`, {
    platformCode,
    status,
    requestId: str(error.request_id),
    retryable: classified.retryable,
  });
}

function httpError(status: number, retryAfter: string | null): AliExpressApiError {
  const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
  const code: NinjaLeadErrorCode =
    status === 429
      ? "rate_limited"
      : status === 401 || status === 403
        ? "auth_failed"
        : retryable
          ? "provider_unavailable"
          : "bad_request";
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  return new AliExpressApiError(code, `AliExpress gateway answered HTTP ${status}`, {
    platformCode: `HTTP_${status}`,
    status,
    retryable,
    ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {}),
  });
}

function retryDelayMs(attempt: number, error: unknown, base: number, max: number): number {
  if (error instanceof AliExpressApiError && error.retryAfterMs !== undefined)
    return Math.min(error.retryAfterMs, max);
  const exponential = Math.min(base * 2 ** attempt, max);
  return exponential / 2 + (Math.random() * exponential) / 2;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function abortedError(signal: AbortSignal | undefined): NinjaLeadError {
  return new NinjaLeadError("aborted", "The AliExpress request was aborted by the caller", {
    cause: signal?.reason,
    retryable: false,
  });
}

/** Formats the platform's timestamp: milliseconds since the epoch, as a string. */
function timestamp(now: number): string {
  return String(Math.trunc(now));
}

/**
 * Creates a client for the AliExpress Open Platform `/sync` gateway. Every request carries the
 * system parameters (`app_key`, `timestamp`, `sign_method=sha256`, `method`, `session`, `v`,
 * `format`) and an HMAC-SHA256 `sign`. Network errors, timeouts, HTTP 408/409/429/5xx and the
 * platform's retryable codes (`ApiCallLimit`, ISP errors, `rsp_code` 5xx) are retried with exponential backoff
 * and jitter, honouring `Retry-After`; everything else is thrown at once as `AliExpressApiError`.
 *
 * @example
 * const ae = createAliExpressClient({ appKey, appSecret, accessToken });
 * const product = await ae.getProduct("https://www.aliexpress.com/item/1005006123456789.html", {
 *   shipToCountry: "FR", targetCurrency: "EUR", targetLanguage: "FR",
 * });
 */
export function createAliExpressClient(config: AliExpressClientConfig): AliExpressClient {
  const { fetch: injectedFetch, now = Date.now, logger = silentLogger, ...rest } = config;
  const cfg = parseOrThrow(configSchema, rest, "AliExpress client config", "invalid_config");
  const doFetch = injectedFetch ?? globalThis.fetch;

  async function attempt(method: string, params: Readonly<Record<string, string>>, signal?: AbortSignal) {
    const system: Record<string, string> = {
      app_key: cfg.appKey,
      method,
      sign_method: "sha256",
      timestamp: timestamp(now()),
      v: "2.0",
      format: "json",
      ...(cfg.accessToken ? { session: cfg.accessToken } : {}),
    };
    const all = { ...params, ...system };
    const sign = await signAliExpressRequest(all, cfg.appSecret);
    // System parameters in the query string, business parameters in the form body, as the official SDKs do.
    const url = new URL(cfg.endpoint);
    for (const [name, value] of Object.entries({ ...system, sign })) url.searchParams.set(name, value);
    const timeout = AbortSignal.timeout(cfg.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded;charset=utf-8",
          accept: "application/json",
        },
        body: new URLSearchParams(params).toString(),
        signal: combined,
      });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw abortedError(signal);
      const timedOut = timeout.aborted;
      throw new AliExpressApiError(
        timedOut ? "timeout" : "provider_unavailable",
        timedOut
          ? `AliExpress did not answer within ${cfg.timeoutMs} ms`
          : "Could not reach the AliExpress gateway",
        { platformCode: timedOut ? "Timeout" : "NetworkError", retryable: true, cause },
      );
    }
    let body: unknown;
    try {
      body = parseAliExpressJson(text);
    } catch (cause) {
      if (!response.ok) throw httpError(response.status, response.headers.get("retry-after"));
      throw new AliExpressApiError(
        "provider_unavailable",
        "AliExpress answered with a body that is not JSON",
        {
          platformCode: "InvalidResponse",
          status: response.status,
          retryable: true,
          cause,
        },
      );
    }
    const platform = platformErrorOf(body, response.status);
    if (platform) throw platform;
    if (!response.ok) throw httpError(response.status, response.headers.get("retry-after"));
    return body;
  }

  async function call(
    method: string,
    params: Readonly<Record<string, string>> = {},
    options: CallOptions = {},
  ): Promise<unknown> {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt(method, params, options.signal);
      } catch (error) {
        const retryable = error instanceof NinjaLeadError && error.retryable && error.code !== "aborted";
        if (!retryable || tries >= cfg.maxRetries) throw error;
        const delay = retryDelayMs(tries, error, cfg.retryBaseDelayMs, cfg.retryMaxDelayMs);
        logger.warn("aliexpress.retry", {
          method,
          attempt: tries + 1,
          delayMs: Math.round(delay),
          code: error instanceof AliExpressApiError ? error.platformCode : "unknown",
        });
        await sleep(delay, options.signal);
      }
    }
  }

  return {
    call,
    async getProduct(idOrUrl, options = {}) {
      const productId = parseAliExpressUrl(idOrUrl);
      parseOrThrow(
        getProductOptionsSchema,
        {
          shipToCountry: options.shipToCountry,
          targetCurrency: options.targetCurrency,
          targetLanguage: options.targetLanguage,
        },
        "AliExpress product request",
        "bad_request",
      );
      const params: Record<string, string> = {
        product_id: productId,
        ...(options.shipToCountry ? { ship_to_country: options.shipToCountry.toUpperCase() } : {}),
        ...(options.targetCurrency ? { target_currency: options.targetCurrency.toUpperCase() } : {}),
        ...(options.targetLanguage ? { target_language: options.targetLanguage.toUpperCase() } : {}),
      };
      const body = await call(
        "aliexpress.ds.product.get",
        params,
        options.signal ? { signal: options.signal } : {},
      );
      return parseAliExpressProduct(body, options.targetCurrency ? { currency: options.targetCurrency } : {});
    },
  };
}
