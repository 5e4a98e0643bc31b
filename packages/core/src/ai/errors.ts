import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OpenAIError,
} from "openai";
import { NinjaLeadError, type NinjaLeadErrorCode, type NinjaLeadErrorOptions } from "../errors/index.js";
import type { ProviderName } from "./types.js";

export interface AIErrorOptions extends NinjaLeadErrorOptions {
  provider?: ProviderName;
  status?: number;
  /** Response headers of the failed HTTP call, lower-cased (retry-after, x-ratelimit-*). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * An error from the AI engine: the shared code, whether retrying could help, and which
 * provider (if any) produced it.
 */
export class AIError extends NinjaLeadError {
  override readonly name: string = "AIError";
  readonly provider: ProviderName | undefined;
  readonly status: number | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: NinjaLeadErrorCode, message: string, options: AIErrorOptions = {}) {
    super(code, message, options);
    this.provider = options.provider;
    this.status = options.status;
    this.headers = options.headers ?? {};
  }
}

function headerRecord(headers: Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

/**
 * The code for an HTTP status, following openai-node's retry policy (408/409/429/≥500 retryable).
 *
 * @example
 * codeForStatus(429) // { code: "rate_limited", retryable: true }
 */
export function codeForStatus(status: number): { code: NinjaLeadErrorCode; retryable: boolean } {
  if (status === 401 || status === 403) return { code: "auth_failed", retryable: false };
  if (status === 408) return { code: "timeout", retryable: true };
  if (status === 409) return { code: "conflict", retryable: true };
  if (status === 429) return { code: "rate_limited", retryable: true };
  if (status >= 500) return { code: "provider_unavailable", retryable: true };
  return { code: "bad_request", retryable: false };
}

/**
 * Maps anything the openai client throws to an AIError. Connection problems and unreadable
 * bodies are retryable; the caller's own abort is not.
 */
export function toAIError(error: unknown, provider: ProviderName): AIError {
  if (error instanceof AIError) return error;
  if (error instanceof APIUserAbortError) {
    return new AIError("aborted", "The call was aborted", { provider, cause: error, retryable: false });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new AIError("timeout", `${provider} did not answer in time`, {
      provider,
      cause: error,
      retryable: true,
    });
  }
  if (error instanceof APIConnectionError) {
    return new AIError("provider_unavailable", `Could not reach ${provider}: ${error.message}`, {
      provider,
      cause: error,
      retryable: true,
    });
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const { code, retryable } = codeForStatus(error.status);
    return new AIError(code, `${provider} answered ${error.status}: ${error.message}`, {
      provider,
      cause: error,
      retryable,
      status: error.status,
      headers: headerRecord(error.headers as Headers | undefined),
    });
  }
  if (error instanceof SyntaxError) {
    // A body that is not the JSON the API promises: a transient server fault, worth a retry.
    return new AIError("provider_unavailable", `${provider} sent an unreadable response: ${error.message}`, {
      provider,
      cause: error,
      retryable: true,
    });
  }
  if (error instanceof OpenAIError) {
    // Raised by the client before or after the HTTP exchange (bad option, unexpected shape): our bug.
    return new AIError("internal", `The ${provider} client failed: ${error.message}`, {
      provider,
      cause: error,
      retryable: false,
    });
  }
  if (error instanceof NinjaLeadError) {
    return new AIError(error.code, error.message, { provider, cause: error, retryable: error.retryable });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AIError("internal", `Unexpected error from ${provider}: ${message}`, {
    provider,
    cause: error,
    retryable: false,
  });
}

/** The error thrown when the caller's AbortSignal fires. */
export function abortedError(signal: AbortSignal | undefined, provider?: ProviderName): AIError {
  return new AIError("aborted", "The call was aborted", {
    cause: signal?.reason,
    retryable: false,
    ...(provider === undefined ? {} : { provider }),
  });
}
