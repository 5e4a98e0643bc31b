import { createHash, createHmac, randomUUID } from "node:crypto";
import type { AIEngine } from "@ninjalead/core/ai";
import type { Prisma } from "@prisma/client";
import { type z } from "zod";
import { planOf } from "../billing/plans.js";
import type { Services } from "../services.server.js";
import type { AdminClient } from "../shopify/admin-client.server.js";
import {
  authenticateApiKey,
  hasScope,
  type ApiKeyPrincipal,
  type ApiResource,
} from "../trust/api-keys.server.js";
import { hitRateLimit, rateLimitHeaders, type RateLimitRule } from "../trust/rate-limit.server.js";
import { ApiError, errorResponse, readableMessage } from "./errors.server.js";

export type HttpMethod = "GET" | "POST" | "DELETE";

/** The shop's Admin API and AI engine: endpoints that act on the store (imports, generation) need them. */
export interface ApiIntegrations {
  admin(shop: string): AdminClient;
  ai(shop: string): Promise<AIEngine>;
}

/** What the API needs of the app's services (a subset, so tests can build it on their own database). */
export type ApiServices = Pick<Services, "config" | "db" | "cache" | "logger"> & {
  integrations?: ApiIntegrations;
};

export interface ApiContext<P, Q, B> {
  shop: string;
  principal: ApiKeyPrincipal;
  params: P;
  query: Q;
  body: B;
  services: ApiServices;
  requestId: string;
}

/** One endpoint of the public API: its contract (zod) and its handler. The OpenAPI document is built from these. */
export interface ApiRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** OpenAPI-style path: `/api/v1/products/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  resource: ApiResource;
  access: "read" | "write";
  params?: P;
  query?: Q;
  body?: B;
  response: z.ZodType;
  /** HTTP status of a success. */
  status?: number;
  handler(ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown>;
}

export function defineApiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  route: ApiRoute<P, Q, B>,
): ApiRoute {
  return route;
}

/** The public API's rate limits, from the config (API_RATE_LIMIT_PER_KEY / _PER_SHOP, per minute). */
export function rateLimits(config: ApiServices["config"]): { perKey: RateLimitRule; perShop: RateLimitRule } {
  return {
    perKey: { limit: config.apiRateLimits.perKey, windowMs: 60_000 },
    perShop: { limit: config.apiRateLimits.perShop, windowMs: 60_000 },
  };
}
const MAX_BODY_BYTES = 1_000_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

function compile(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { regex: new RegExp(`^${pattern}/?$`), names };
}

function parseWith<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: string,
): z.output<T> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError(
    "validation_failed",
    `Invalid ${where}`,
    result.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join("."),
      message: readableMessage(i.message),
    })),
  );
}

async function readJson(request: Request): Promise<{ raw: string; value: unknown }> {
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    throw new ApiError("payload_too_large", `Body larger than ${MAX_BODY_BYTES} bytes`);
  if (raw.trim() === "") return { raw, value: {} };
  try {
    return { raw, value: JSON.parse(raw) as unknown };
  } catch {
    throw new ApiError("validation_failed", "Body is not valid JSON", [
      { path: "body", message: "invalid JSON" },
    ]);
  }
}

/** The key that hashes API keys: derived from the app's encryption key, never the key itself. */
export function apiKeyHashKey(services: ApiServices): Buffer {
  return createHmac("sha256", services.config.encryptionKey).update("ninjalead/api-keys/v1").digest();
}

/**
 * Runs one API request: route match → API key → scope → rate limits (key, shop) → zod validation →
 * idempotent replay for POST → handler. Every failure is a JSON error with a code; nothing here
 * answers 500 with details (unexpected errors are logged with the request id).
 */
export async function dispatch(
  routes: readonly ApiRoute[],
  request: Request,
  services: ApiServices,
): Promise<Response> {
  const requestId = request.headers.get("x-request-id")?.slice(0, 100) ?? randomUUID();
  try {
    const url = new URL(request.url);
    const candidates = routes.flatMap((route) => {
      const match = compile(route.path).regex.exec(url.pathname);
      return match ? [{ route, match }] : [];
    });
    if (candidates.length === 0) throw new ApiError("not_found", `No endpoint at ${url.pathname}`);
    const found = candidates.find((c) => c.route.method === request.method);
    if (!found) {
      throw new ApiError("method_not_allowed", `${request.method} is not allowed here`, [], {
        Allow: candidates.map((c) => c.route.method).join(", "),
      });
    }
    const { route, match } = found;

    const principal = await authenticateApiKey(
      services.db.prisma,
      apiKeyHashKey(services),
      request.headers.get("authorization"),
    );
    if (!principal)
      throw new ApiError("unauthorized", "Missing, invalid or revoked API key (Authorization: Bearer <key>)");
    if (!hasScope(principal.scopes, route.resource, route.access)) {
      throw new ApiError("forbidden", `This key lacks the ${route.resource}:${route.access} scope`);
    }

    if (route.access === "write") {
      const shop = await services.db.prisma.shop.findUnique({
        where: { domain: principal.shop },
        select: { plan: true },
      });
      const plan = planOf(shop?.plan);
      if (!plan.apiWrite)
        throw new ApiError(
          "plan_required",
          `Writing through the API needs a paid plan (this shop is on ${plan.name})`,
        );
    }

    const limits = rateLimits(services.config);
    const perKey = await hitRateLimit(services.cache, `api:key:${principal.id}`, limits.perKey);
    const perShop = await hitRateLimit(services.cache, `api:shop:${principal.shop}`, limits.perShop);
    const binding = !perKey.allowed
      ? perKey
      : !perShop.allowed
        ? perShop
        : perKey.remaining <= perShop.remaining
          ? perKey
          : perShop;
    const limitHeaders = rateLimitHeaders(binding);
    if (!binding.allowed)
      throw new ApiError(
        "rate_limited",
        "Rate limit exceeded; retry after the given seconds",
        [],
        limitHeaders,
      );

    const names = compile(route.path).names;
    const params = parseWith(
      route.params,
      Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? "")])),
      "params",
    );
    const query = parseWith(route.query, Object.fromEntries(url.searchParams), "query");
    const { raw, value } = route.method === "POST" ? await readJson(request) : { raw: "", value: undefined };
    const body = parseWith(route.body, value, "body");

    const run = async () =>
      route.handler({
        shop: principal.shop,
        principal,
        params,
        query,
        body,
        services,
        requestId,
      });
    const status = route.status ?? 200;
    const idempotencyKey = request.headers.get("idempotency-key");
    if (route.method === "POST" && idempotencyKey !== null) {
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new ApiError("validation_failed", "Invalid Idempotency-Key", [
          { path: "headers.idempotency-key", message: "8–200 characters: letters, digits, _ . : -" },
        ]);
      }
      return await idempotent(
        services,
        principal.shop,
        idempotencyKey,
        `${route.operationId}\n${raw}`,
        status,
        run,
        { ...limitHeaders, "X-Request-Id": requestId },
      );
    }
    const result = await run();
    return Response.json(result, { status, headers: { ...limitHeaders, "X-Request-Id": requestId } });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error, requestId);
    if (isDatabaseUnavailable(error)) {
      services.logger.warn("api: database unavailable", { requestId });
      return errorResponse(
        new ApiError("unavailable", "Temporarily unavailable; retry shortly", [], { "Retry-After": "1" }),
        requestId,
      );
    }
    services.logger.error("api: unexpected error", {
      requestId,
      error: error instanceof Error ? error.message : String(error),
    });
    return errorResponse(
      new ApiError("internal", "Internal error; quote the request id when contacting support"),
      requestId,
    );
  }
}

/**
 * Stripe-style idempotency: the first request with a key runs and its answer is stored; a retry
 * with the same key and body gets the stored answer; the same key with another body is refused.
 */
async function idempotent(
  services: ApiServices,
  shop: string,
  key: string,
  fingerprint: string,
  status: number,
  run: () => Promise<unknown>,
  headers: Record<string, string>,
): Promise<Response> {
  const { prisma } = services.db;
  const requestHash = createHash("sha256").update(fingerprint).digest("hex");
  const lock = await services.cache.acquireLock(`idem:${shop}:${key}`, 60_000);
  if (!lock)
    throw new ApiError("idempotency_conflict", "A request with this Idempotency-Key is still in progress");
  try {
    const previous = await prisma.idempotencyRecord.findUnique({ where: { shop_key: { shop, key } } });
    if (previous) {
      if (previous.requestHash !== requestHash) {
        throw new ApiError("idempotency_conflict", "This Idempotency-Key was used with a different request");
      }
      return Response.json(previous.body, {
        status: previous.status,
        headers: { ...headers, "Idempotent-Replayed": "true" },
      });
    }
    const result = await run();
    await prisma.idempotencyRecord.create({
      data: { shop, key, requestHash, status, body: (result ?? null) as Prisma.InputJsonValue },
    });
    return Response.json(result, { status, headers });
  } finally {
    await lock.release();
  }
}

/** A lost or refused database connection: the request may be retried, so it is a 503, not a 500. */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && ["P1001", "P1002", "P1008", "P1017", "P2024"].includes(code)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /connection terminated|terminating connection|ECONNREFUSED|ECONNRESET|Connection closed|server closed the connection/i.test(
    message,
  );
}
