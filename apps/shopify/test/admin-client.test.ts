// The Admin client against the store emulator: THROTTLED in a 200 waits as long as the bucket
// needs, 429/5xx are retried, a page over the cost limit is split, every call logs its cost.
import { start, type Emulator } from "@ninjalead/store-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient } from "../app/shopify/admin-client.server.js";
import { AdminApiError } from "../app/shopify/admin-errors.server.js";
import { PRODUCT_STAMPS } from "../app/shopify/graphql/reconcile.js";
import { PRODUCTS_WITH_VARIANTS } from "../app/shopify/graphql/products.js";
import { SHOP_INFO } from "../app/shopify/graphql/shop.js";
import { memoryLogger } from "./helpers/logger.js";

let emulator: Emulator;

beforeAll(async () => {
  // A small bucket that refills fast: throttling happens, and waiting it out takes milliseconds.
  emulator = await start({
    port: 0,
    generate: { seed: 3, products: 30, customers: 0, orders: 0 },
    throttle: { maximumAvailable: 1_000, restoreRate: 5_000, maxQueryCost: 1_000 },
  });
});

afterAll(async () => {
  await emulator.close();
});

function client(options: { fetch?: typeof fetch; maxAttempts?: number } = {}) {
  const logger = memoryLogger();
  const admin = createAdminClient({
    shop: emulator.shop,
    accessToken: () => Promise.resolve(emulator.accessToken),
    origin: emulator.url,
    logger,
    ...options,
  });
  return { admin, logger };
}

describe("Admin GraphQL client", () => {
  it("answers a query and logs its cost", async () => {
    const { admin, logger } = client();
    const data = await admin.request<{ shop: { myshopifyDomain: string } }>(SHOP_INFO);
    expect(data.shop.myshopifyDomain).toBe(emulator.shop);
    const cost = logger.lines.find((l) => l.message === "admin api cost");
    expect(cost?.fields.operation).toBe("ShopInfo");
    expect(typeof cost?.fields.requested).toBe("number");
    expect(typeof cost?.fields.actual).toBe("number");
  });

  it("waits out THROTTLED (HTTP 200) using throttleStatus and the requested cost", async () => {
    // The bucket empties when the request arrives (not before): a fast refill cannot win the race.
    emulator.bucket.drainBeforeNextRequest();
    const { admin, logger } = client();
    const started = Date.now();
    const data = await admin.request<{ products: { nodes: unknown[] } }>(PRODUCT_STAMPS, {
      first: 100,
      after: null,
    });
    expect(data.products.nodes.length).toBe(30);
    const throttled = logger.lines.filter((l) => l.message === "admin api throttled");
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    const first = throttled[0]?.fields as { requested: number; available: number; waitMs: number };
    // The wait is what the bucket needs for the requested cost at 5,000 points/s (plus a margin).
    expect(first.waitMs).toBe(Math.ceil(((first.requested - first.available) / 5_000) * 1_000) + 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(first.waitMs);
  });

  it("retries 429 (honouring Retry-After) and 5xx, then succeeds", async () => {
    const statuses = [429, 503, 502];
    const seen: number[] = [];
    const flaky: typeof fetch = async (input, init) => {
      const status = statuses.shift();
      if (status) {
        seen.push(status);
        return new Response("busy", { status, headers: status === 429 ? { "Retry-After": "0" } : {} });
      }
      return fetch(input, init);
    };
    const { admin, logger } = client({ fetch: flaky });
    const data = await admin.request<{ shop: { myshopifyDomain: string } }>(SHOP_INFO);
    expect(data.shop.myshopifyDomain).toBe(emulator.shop);
    expect(seen).toEqual([429, 503, 502]);
    expect(logger.lines.filter((l) => l.message === "admin api retry").map((l) => l.fields.status)).toEqual([
      429, 503, 502,
    ]);
  });

  it("gives up after maxAttempts with a typed, retryable error; 4xx is not retried", async () => {
    let calls = 0;
    const down: typeof fetch = () => {
      calls++;
      return Promise.resolve(new Response("down", { status: 503 }));
    };
    const error = await client({ fetch: down, maxAttempts: 2 })
      .admin.request(SHOP_INFO)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ code: "provider_unavailable", retryable: true, status: 503 });
    expect(calls).toBe(2);

    const denied = await createAdminClient({
      shop: emulator.shop,
      accessToken: () => Promise.resolve("shpat_wrong"),
      origin: emulator.url,
      logger: memoryLogger(),
    })
      .request(SHOP_INFO)
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({ code: "auth_failed", retryable: false });
  });

  it("splits a page whose cost exceeds the single-query limit, and still returns every product", async () => {
    const { admin, logger } = client();
    const ids: string[] = [];
    for await (const page of admin.paginate<
      {
        products: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
      },
      { id: string }
    >(PRODUCTS_WITH_VARIANTS, {}, (d) => d.products, { pageSize: 50 })) {
      ids.push(...page.map((p) => p.id));
    }
    expect(new Set(ids).size).toBe(30);
    expect(ids.length).toBe(30);
    const splits = logger.lines.filter((l) => l.message === "admin api query split");
    expect(splits.length).toBeGreaterThanOrEqual(1);
    expect(splits[0]?.fields).toMatchObject({ from: 50, to: 25 });
  });

  it("reports Shopify's validation errors as a non-retryable bad_request", async () => {
    const error = await client()
      .admin.request<unknown>("query Broken { shop { notAField } }")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "bad_request", retryable: false });
    expect((error as AdminApiError).errors[0]?.message).toContain("notAField");
  });
});
