import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { createMemoryCache, silentLogger } from "@ninjalead/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "~/config.server.js";
import { apiKeyHashKey, dispatch, type ApiServices } from "~/api/define.server.js";
import { buildOpenApi } from "~/api/openapi.server.js";
import { apiRoutes } from "~/api/routes.server.js";
import { openDatabase } from "~/db/client.server.js";
import { applyMigrations, defaultPrismaPaths } from "~/db/migrations.server.js";
import { API_SCOPES, createApiKey, revokeApiKey, type ApiScope } from "~/trust/api-keys.server.js";

const root = fileURLToPath(new URL("../../../..", import.meta.url));
const SHOP_A = "alpha.myshopify.com";
const SHOP_B = "bravo.myshopify.com";
let services: ApiServices & { close(): Promise<void> };
const keys: Record<string, string> = {};

async function seedProducts(shop: string, firstId: number, count: number) {
  const { prisma } = services.db;
  for (let i = 0; i < count; i++) {
    const id = BigInt(firstId + i);
    await prisma.product.create({
      data: {
        shop,
        id,
        title: `Organic cotton t-shirt ${i}`,
        handle: `organic-cotton-t-shirt-${i}`,
        descriptionHtml:
          "<p>A soft organic cotton t-shirt, knitted in Portugal. Pre-washed so it keeps its shape.</p>",
        status: i % 2 ? "DRAFT" : "ACTIVE",
        vendor: "Acme",
        productType: "Shirts",
        seoTitle: i % 3 ? `Organic cotton t-shirt ${i} | Acme` : null,
        shopifyCreatedAt: new Date("2026-01-01"),
        shopifyUpdatedAt: new Date("2026-02-01"),
      },
    });
    await prisma.variant.create({
      data: {
        shop,
        id: id * 10n,
        productId: id,
        title: "M",
        sku: `TS-${i}`,
        price: "19.90",
        shopifyUpdatedAt: new Date(),
      },
    });
    await prisma.media.create({
      data: {
        shop,
        id: id * 100n,
        productId: id,
        alt: i % 2 ? null : "Green t-shirt",
        url: "https://cdn.example.com/t.jpg",
      },
    });
  }
}

async function key(shop: string, scopes: readonly ApiScope[]) {
  return (await createApiKey(services.db.prisma, apiKeyHashKey(services), { shop, name: "test", scopes }))
    .key;
}

function call(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return dispatch(
    apiRoutes,
    new Request(`http://app.test${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
    services,
  );
}

beforeAll(async () => {
  const db = openDatabase({ kind: "pglite", dataDir: "memory" });
  await applyMigrations(defaultPrismaPaths(root), db.adapterFactory);
  services = {
    config: loadConfig({}),
    db,
    cache: createMemoryCache(),
    logger: silentLogger,
    close: () => db.close(),
  };
  await services.db.prisma.shop.createMany({
    data: [
      { domain: SHOP_A, plan: "pro" },
      { domain: SHOP_B, primaryLocale: "fr" },
    ],
  });
  await seedProducts(SHOP_A, 1000, 7);
  await seedProducts(SHOP_B, 5000, 3);
  keys.a = await key(SHOP_A, API_SCOPES);
  keys.b = await key(SHOP_B, API_SCOPES);
  keys.aRead = await key(SHOP_A, ["products:read"]);
});
afterAll(() => services.close());

describe("public API v1", () => {
  it("refuses missing, malformed and revoked keys with 401 and a coded error body", async () => {
    for (const k of [undefined, "nope", `${keys.a}x`]) {
      const res = await call("GET", "/api/v1/products", k === undefined ? {} : { key: k });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { code: string; requestId: string } };
      expect(body.error.code).toBe("unauthorized");
      expect(body.error.requestId).toBeTruthy();
    }
    const revocable = await createApiKey(services.db.prisma, apiKeyHashKey(services), {
      shop: SHOP_A,
      name: "old",
      scopes: API_SCOPES,
    });
    expect((await call("GET", "/api/v1/products", { key: revocable.key })).status).toBe(200);
    await revokeApiKey(services.db.prisma, SHOP_A, revocable.record.id);
    expect((await call("GET", "/api/v1/products", { key: revocable.key })).status).toBe(401);
  });

  it("keeps API writes for paid plans (403 plan_required on Free)", async () => {
    const res = await call("POST", "/api/v1/audits", { key: keys.b, body: { productId: "5000" } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("plan_required");
    expect(await services.db.prisma.auditEvent.count({ where: { shop: SHOP_B } })).toBe(0);
  });

  it("enforces scopes with 403", async () => {
    const res = await call("POST", "/api/v1/audits", { key: keys.aRead, body: { productId: "1000" } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });

  it("pages through the shop's products with opaque cursors and scores", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call("GET", `/api/v1/products?limit=3${cursor ? `&cursor=${cursor}` : ""}`, {
        key: keys.a,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("RateLimit-Limit")).toBeTruthy();
      const page = (await res.json()) as {
        data: { id: string; scores: { seo: number } }[];
        nextCursor: string | null;
      };
      seen.push(...page.data.map((p) => p.id));
      for (const p of page.data) expect(p.scores.seo).toBeGreaterThan(0);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["1000", "1001", "1002", "1003", "1004", "1005", "1006"]);
    const drafts = (await (await call("GET", "/api/v1/products?status=DRAFT", { key: keys.a })).json()) as {
      data: unknown[];
    };
    expect(drafts.data).toHaveLength(3);
  });

  it("answers invalid input with 400 naming the field, and writes nothing", async () => {
    const bad = (await (await call("GET", "/api/v1/products?limit=0", { key: keys.a })).json()) as {
      error: { code: string; issues: { path: string }[] };
    };
    expect(bad.error.code).toBe("validation_failed");
    expect(bad.error.issues[0]?.path).toBe("query.limit");
    expect((await call("GET", "/api/v1/products?cursor=garbage", { key: keys.a })).status).toBe(400);
    expect((await call("GET", "/api/v1/products/abc", { key: keys.a })).status).toBe(400);
    const before = await services.db.prisma.auditEvent.count();
    expect((await call("POST", "/api/v1/audits", { key: keys.a, rawBody: "{not json" })).status).toBe(400);
    expect(
      (await call("POST", "/api/v1/audits", { key: keys.a, body: { productId: "1000", extra: 1 } })).status,
    ).toBe(400);
    expect(await services.db.prisma.auditEvent.count()).toBe(before);
    expect((await call("DELETE", "/api/v1/products", { key: keys.a })).status).toBe(405);
    expect((await call("GET", "/api/v1/nothing-here", { key: keys.a })).status).toBe(404);
  });

  it("replays a POST retried with the same Idempotency-Key and refuses the key with another body", async () => {
    const headers = { "idempotency-key": "retry-test-0001" };
    const first = await call("POST", "/api/v1/audits", { key: keys.a, body: { productId: "1002" }, headers });
    expect(first.status).toBe(201);
    const again = await call("POST", "/api/v1/audits", { key: keys.a, body: { productId: "1002" }, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(
      await services.db.prisma.auditEvent.count({
        where: { shop: SHOP_A, action: "audit.run", targetId: "1002" },
      }),
    ).toBe(1);
    const conflict = await call("POST", "/api/v1/audits", {
      key: keys.a,
      body: { productId: "1003" },
      headers,
    });
    expect(conflict.status).toBe(422);
  });

  it("rate-limits per key with RateLimit-* and Retry-After headers", async () => {
    const saved = services.config.apiRateLimits.perKey;
    services.config.apiRateLimits.perKey = 3;
    try {
      const k = await key(SHOP_A, ["products:read"]);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await call("GET", "/api/v1/products?limit=1", { key: k }));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      const limited = statuses[3];
      expect(limited?.headers.get("Retry-After")).toMatch(/^\d+$/);
      expect(limited?.headers.get("RateLimit-Remaining")).toBe("0");
    } finally {
      services.config.apiRateLimits.perKey = saved;
    }
  });
});

describe("tenant isolation (every API route, enumerated from the registry)", () => {
  it.each(apiRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s never returns another shop's data",
    async (_name, route) => {
      const path = route.path.replace("{id}", "1000"); // shop A's product, asked with shop B's key
      const res = await call(route.method, path, {
        key: keys.b,
        ...(route.method === "POST" ? { body: { productId: "1000" } } : {}),
      });
      const text = await res.text();
      expect(text).not.toContain("alpha.myshopify.com");
      expect(text).not.toContain('"id":"1000"');
      if (route.params) expect([403, 404]).toContain(res.status);
      if (route.method === "POST") expect([403, 404]).toContain(res.status);
    },
  );
});

describe("OpenAPI 3.1 document", () => {
  const doc = buildOpenApi(apiRoutes, "https://app.test") as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: { "application/json": { schema: object } } }> }>
    >;
  };

  it("lists exactly the registered routes", () => {
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it("describes what every route actually answers", async () => {
    const ajv = new Ajv2020({ strict: false });
    for (const route of apiRoutes) {
      const path = route.path.replace("{id}", "1001");
      const res = await call(route.method, path, {
        key: keys.a,
        ...(route.method === "POST" ? { body: { productId: "1001" } } : {}),
      });
      const status = String(res.status);
      const schema =
        doc.paths[route.path]?.[route.method.toLowerCase()]?.responses[status]?.content?.["application/json"]
          .schema;
      expect(
        schema,
        `${route.method} ${route.path} answered ${status}, which the document does not describe`,
      ).toBeDefined();
      const validate = ajv.compile(schema ?? {});
      expect(validate(await res.json()), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
