import { createAdminApiClient, type AdminOperations } from "@shopify/admin-api-client";
import type { Logger } from "@ninjalead/core";
// The generated operation types (`npm run codegen`), wherever this client is compiled.
import type * as _GeneratedAdminOperations from "../types/admin.generated.js";
import { AdminApiError, QueryCostExceededError, type GraphqlErrorItem } from "./admin-errors.server.js";

export const ADMIN_API_VERSION = "2026-10";

/** Shopify's cost report (`extensions.cost`) on every Admin GraphQL answer. */
export interface QueryCost {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

export interface AdminClientOptions {
  /** The shop's myshopify domain. */
  shop: string;
  /** The current offline token (called per request: expiring tokens get refreshed underneath). */
  accessToken: () => Promise<string>;
  /** Where the Admin API is served, when it is not https://<shop> (the local store emulator). */
  origin?: string | undefined;
  logger: Logger;
  /** Attempts for 429/5xx/network failures (THROTTLED waits do not count). Default 5. */
  maxAttempts?: number;
  /** Longest single wait before a retry; Default 30 s. */
  maxWaitMs?: number;
  fetch?: typeof fetch;
}

export interface Connection<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A document's result and variables, from the types `npm run codegen` generates for every
 * `#graphql` document of the app (app/types/admin.generated.d.ts augments AdminOperations, keyed by
 * the document's text).
 */
export type AdminResult<Document extends string> = AdminOperations[Document]["return"];
export type AdminVariables<Document extends string> = AdminOperations[Document]["variables"];

export interface AdminClient {
  readonly shop: string;
  /**
   * One document; resolves with `data`, throws AdminApiError when Shopify (finally) refused it.
   * Typed by the document: `request(PRODUCT_UPDATE, { product })` checks the variables and types
   * the result from the generated operation types (an explicit `Data` overrides the result type).
   */
  request<Data = undefined, Document extends string = string>(
    document: Document,
    variables?: AdminVariables<Document>,
  ): Promise<Data extends undefined ? AdminResult<Document> : Data>;
  /**
   * Every page of a connection. When a page costs more than Shopify's single-query limit, the page
   * size is halved and the same page asked again: the query is split, not failed.
   */
  paginate<Data, Node>(
    document: string,
    variables: Record<string, unknown>,
    connection: (data: Data) => Connection<Node>,
    options?: { pageSize?: number; pageSizeVariable?: string; cursorVariable?: string },
  ): AsyncGenerator<Node[], void, undefined>;
}

interface GraphqlBody {
  data?: unknown;
  errors?: GraphqlErrorItem[];
  extensions?: { cost?: QueryCost };
}

const RETRYABLE_STATUS = new Set([408, 409, 429, 500, 502, 503, 504]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function operationName(document: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? "anonymous";
}

/** Exponential backoff with full jitter: 250 ms, 500 ms, 1 s, … capped. */
function backoffMs(attempt: number, capMs: number): number {
  return Math.min(capMs, 250 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
}

/** How long Shopify's leaky bucket needs to hold `requested` points again, from its own report. */
export function throttleWaitMs(cost: QueryCost | undefined, fallbackMs = 1_000): number {
  const status = cost?.throttleStatus;
  const requested = cost?.requestedQueryCost;
  if (!status || requested === undefined || status.restoreRate <= 0) return fallbackMs;
  const missing = Math.max(0, requested - status.currentlyAvailable);
  return Math.ceil((missing / status.restoreRate) * 1_000) + 50;
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get("retry-after");
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds * 1_000 : undefined;
}

/**
 * The app's one Admin GraphQL client. Built on Shopify's `@shopify/admin-api-client` (which forms the
 * request), it owns the failure policy: THROTTLED answers (HTTP 200) wait exactly as long as the
 * bucket needs, 429/5xx/network failures back off and retry, every call logs its cost.
 *
 * @example
 * const admin = createAdminClient({ shop, accessToken: async () => token, logger });
 * const { shop: s } = await admin.request<{ shop: { name: string } }>(SHOP_QUERY);
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const { shop, logger } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const baseFetch = options.fetch ?? fetch;
  // The library builds https://<shop>/admin/api/…; with a local origin the request goes there instead.
  const customFetchApi: typeof fetch = options.origin
    ? (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const target = new URL(options.origin ?? "");
        url.protocol = target.protocol;
        url.host = target.host;
        return baseFetch(url, init);
      }
    : baseFetch;

  async function send(document: string, variables: Record<string, unknown> | undefined): Promise<Response> {
    const client = createAdminApiClient({
      storeDomain: shop,
      apiVersion: ADMIN_API_VERSION,
      accessToken: await options.accessToken(),
      customFetchApi,
    });
    return client.fetch(document, variables ? { variables } : {});
  }

  async function request<Data>(document: string, variables?: Record<string, unknown>): Promise<Data> {
    // (The typed signature is AdminClient's; here the document is plain text.)
    const operation = operationName(document);
    let failures = 0;
    let throttledWaits = 0;
    for (;;) {
      let response: Response;
      try {
        response = await send(document, variables);
      } catch (cause) {
        failures++;
        if (failures >= maxAttempts) {
          throw new AdminApiError("provider_unavailable", `Admin API unreachable for ${operation}`, 0, [], {
            cause,
          });
        }
        await sleep(backoffMs(failures, maxWaitMs));
        continue;
      }

      if (response.status !== 200) {
        await response.body?.cancel();
        if (response.status === 401 || response.status === 403) {
          throw new AdminApiError(
            "auth_failed",
            `Admin API refused the token (${response.status})`,
            response.status,
          );
        }
        if (!RETRYABLE_STATUS.has(response.status)) {
          throw new AdminApiError("bad_request", `Admin API answered ${response.status}`, response.status);
        }
        failures++;
        if (failures >= maxAttempts) {
          throw new AdminApiError(
            response.status === 429 ? "rate_limited" : "provider_unavailable",
            `Admin API answered ${response.status} ${failures} times for ${operation}`,
            response.status,
          );
        }
        const wait = Math.min(maxWaitMs, retryAfterMs(response) ?? backoffMs(failures, maxWaitMs));
        logger.warn("admin api retry", {
          shop,
          operation,
          status: response.status,
          waitMs: Math.round(wait),
        });
        await sleep(wait);
        continue;
      }

      const body = (await response.json()) as GraphqlBody;
      const cost = body.extensions?.cost;
      const errors = body.errors ?? [];
      if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
        const bucket = cost?.throttleStatus?.maximumAvailable;
        if (
          bucket !== undefined &&
          cost?.requestedQueryCost !== undefined &&
          cost.requestedQueryCost > bucket
        ) {
          // No amount of waiting fills a bucket past its size: the query must get smaller.
          throw new QueryCostExceededError(cost.requestedQueryCost, bucket, errors);
        }
        throttledWaits++;
        // A bucket that never refills would loop forever: bound the waits too.
        if (throttledWaits > 20) {
          throw new AdminApiError(
            "rate_limited",
            `Still throttled after 20 waits for ${operation}`,
            200,
            errors,
          );
        }
        const wait = Math.min(maxWaitMs, throttleWaitMs(cost));
        logger.info("admin api throttled", {
          shop,
          operation,
          requested: cost?.requestedQueryCost,
          available: cost?.throttleStatus?.currentlyAvailable,
          waitMs: wait,
        });
        await sleep(wait);
        continue;
      }
      const tooCostly = errors.find((e) => e.extensions?.code === "MAX_COST_EXCEEDED");
      if (tooCostly) {
        const num = (v: unknown) => (typeof v === "number" ? v : undefined);
        throw new QueryCostExceededError(
          num(tooCostly.extensions?.cost),
          num(tooCostly.extensions?.maxCost),
          errors,
        );
      }
      if (errors.length > 0 || body.data === undefined || body.data === null) {
        throw new AdminApiError(
          "bad_request",
          `Admin API rejected ${operation}: ${errors.map((e) => e.message).join("; ") || "no data"}`,
          200,
          errors,
        );
      }
      logger.debug("admin api cost", {
        shop,
        operation,
        requested: cost?.requestedQueryCost,
        actual: cost?.actualQueryCost,
        available: cost?.throttleStatus?.currentlyAvailable,
      });
      return body.data as Data;
    }
  }

  async function* paginate<Data, Node>(
    document: string,
    variables: Record<string, unknown>,
    connection: (data: Data) => Connection<Node>,
    pageOptions: { pageSize?: number; pageSizeVariable?: string; cursorVariable?: string } = {},
  ): AsyncGenerator<Node[], void, undefined> {
    const sizeVar = pageOptions.pageSizeVariable ?? "first";
    const cursorVar = pageOptions.cursorVariable ?? "after";
    let pageSize = pageOptions.pageSize ?? 250;
    let cursor: string | null = null;
    for (;;) {
      let data: Data;
      try {
        data = await request<Data>(document, { ...variables, [sizeVar]: pageSize, [cursorVar]: cursor });
      } catch (error) {
        if (error instanceof QueryCostExceededError && pageSize > 1) {
          // Split: the same page, asked in smaller pieces.
          const next = Math.max(1, Math.floor(pageSize / 2));
          logger.info("admin api query split", { shop, from: pageSize, to: next, cost: error.cost });
          pageSize = next;
          continue;
        }
        throw error;
      }
      const page = connection(data);
      yield page.nodes;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      cursor = page.pageInfo.endCursor;
    }
  }

  return { shop, request, paginate };
}
