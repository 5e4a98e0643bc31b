import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { createMemoryCache, silentLogger } from "@ninjalead/core";
import { createAI } from "@ninjalead/core/ai";
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
const IMPORT_A = "aliexpress:1005000000000001";
let jobA = "";
let personaA = "";
let campaignA = "";

/** Shop A's customers (first names "Alice…") with orders, so the segmentation has members. */
async function seedCustomers(shop: string, firstId: number, count: number) {
  const { prisma } = services.db;
  for (let i = 0; i < count; i++) {
    const id = BigInt(firstId + i);
    await prisma.customer.create({
      data: {
        shop,
        id,
        email: `alice${i}@example.com`,
        firstName: `Alice${i}`,
        countryCode: "FR",
        shopifyCreatedAt: new Date("2025-01-01"),
        shopifyUpdatedAt: new Date("2025-01-01"),
      },
    });
    for (let o = 0; o <= i % 4; o++) {
      const at = new Date(Date.UTC(2026, 0, 1 + o * 20 + i));
      await prisma.order.create({
        data: {
          shop,
          id: id * 100n + BigInt(o),
          customerId: id,
          currencyCode: "EUR",
          totalPrice: String(20 + i * 7 + o),
          processedAt: at,
          shopifyCreatedAt: at,
          shopifyUpdatedAt: at,
        },
      });
    }
  }
}

async function seedImportsAndJobs(shop: string, base: number, count: number): Promise<string[]> {
  const { prisma } = services.db;
  const jobs: string[] = [];
  for (let i = 0; i < count; i++) {
    await prisma.productImport.create({
      data: {
        shop,
        sourceId: `aliexpress:${base + i}`,
        productGid: `gid://shopify/Product/${base + i}`,
        title: `Imported ${shop} ${i}`,
        variantCount: 2,
        payload: "{}",
        pricing: {},
        updatedAt: new Date(Date.UTC(2026, 1, 1, 0, i)),
      },
    });
    const job = await prisma.job.create({
      data: { shop, kind: "bulk_fix", status: i ? "running" : "succeeded", total: 10, done: i, input: {} },
    });
    jobs.push(job.id);
  }
  return jobs;
}

/** A request for each route: shop A's ids. Every route must have one (a new route fails here). */
function sampleFor(route: { method: string; path: string }): { path: string; body?: unknown } {
  const samples: Record<string, { path: string; body?: unknown }> = {
    "GET /api/v1/products": { path: "/api/v1/products" },
    "GET /api/v1/products/{id}": { path: "/api/v1/products/1001" },
    "POST /api/v1/audits": { path: "/api/v1/audits", body: { productId: "1001" } },
    "GET /api/v1/segments": { path: "/api/v1/segments" },
    "GET /api/v1/segments/{segment}/customers": { path: "/api/v1/segments/champions/customers" },
    "GET /api/v1/imports": { path: "/api/v1/imports" },
    "GET /api/v1/imports/{id}": { path: `/api/v1/imports/${IMPORT_A}` },
    // Refused by the form's rules before the store is called (the suite has no store).
    "POST /api/v1/imports": { path: "/api/v1/imports", body: { source: "{}", multiplier: "0" } },
    "GET /api/v1/jobs": { path: "/api/v1/jobs" },
    "GET /api/v1/jobs/{id}": { path: `/api/v1/jobs/${jobA}` },
    "GET /api/v1/personas": { path: "/api/v1/personas" },
    "GET /api/v1/personas/{id}": { path: `/api/v1/personas/${personaA}` },
    "POST /api/v1/personas/generate": { path: "/api/v1/personas/generate", body: { language: "en" } },
    "GET /api/v1/campaigns": { path: "/api/v1/campaigns" },
    "GET /api/v1/campaigns/{id}": { path: `/api/v1/campaigns/${campaignA}` },
    "POST /api/v1/campaigns/generate": {
      path: "/api/v1/campaigns/generate",
      body: {
        name: "Spring",
        personaId: personaA,
        productIds: ["1001"],
        channels: ["sms"],
        languages: ["en"],
      },
    },
  };
  const sample = samples[`${route.method} ${route.path}`];
  if (!sample) throw new Error(`No sample request for ${route.method} ${route.path}: add one`);
  return sample;
}

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
    // The offline AI engine; this suite has no store (imports are tested against the emulator).
    integrations: {
      admin: () => {
        throw new Error("no store in this suite");
      },
      ai: () => Promise.resolve(createAI({ cache: createMemoryCache() })),
    },
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
  await seedCustomers(SHOP_A, 700, 12);
  [jobA = ""] = await seedImportsAndJobs(SHOP_A, 1005000000000001, 4);
  await seedImportsAndJobs(SHOP_B, 1005000000009001, 1);
  keys.a = await key(SHOP_A, API_SCOPES);
  keys.b = await key(SHOP_B, API_SCOPES);
  keys.aRead = await key(SHOP_A, ["products:read"]);
  const personas = (await (
    await call("POST", "/api/v1/personas/generate", { key: keys.a, body: { language: "en" } })
  ).json()) as { data: { id: string }[] };
  personaA = personas.data[0]?.id ?? "";
  const campaigns = (await (
    await call("POST", "/api/v1/campaigns/generate", {
      key: keys.a,
      body: {
        name: "Launch",
        personaId: personaA,
        productIds: ["1000", "1002"],
        channels: ["email"],
        languages: ["en", "fr"],
      },
    })
  ).json()) as { data: { id: string }[] };
  campaignA = campaigns.data[0]?.id ?? "";
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

describe("segments, imports and jobs", () => {
  it("lists the eleven segments with figures, and a segment's customers with allowed fields only", async () => {
    const res = await call("GET", "/api/v1/segments", { key: keys.a });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      currency: string;
      customers: number;
      data: { segment: string; customers: number; name: string }[];
    };
    expect(body.currency).toBe("EUR");
    expect(body.customers).toBe(12);
    expect(body.data).toHaveLength(11);
    expect(body.data.reduce((n, s) => n + s.customers, 0)).toBe(12);
    const members: Record<string, unknown>[] = [];
    for (const s of body.data.filter((x) => x.customers > 0)) {
      let cursor: string | null = null;
      do {
        const page = (await (
          await call("GET", `/api/v1/segments/${s.segment}/customers${cursor ? `?cursor=${cursor}` : ""}`, {
            key: keys.a,
          })
        ).json()) as { data: Record<string, unknown>[]; nextCursor: string | null; total: number };
        expect(page.total).toBe(s.customers);
        members.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
    }
    expect(members).toHaveLength(12);
    for (const m of members) {
      expect(Object.keys(m).sort()).toEqual(["country", "firstName", "id", "lastOrderAt", "orders", "spent"]);
      expect(m.firstName).toMatch(/^Alice\d+$/);
    }
    expect(JSON.stringify(members)).not.toContain("@example.com");
    expect((await call("GET", "/api/v1/segments/vips/customers", { key: keys.a })).status).toBe(400);
  });

  it("pages imports and jobs newest first and gets one by id", async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await call("GET", `/api/v1/imports?limit=3${cursor ? `&cursor=${cursor}` : ""}`, { key: keys.a })
      ).json()) as { data: { id: string }[]; nextCursor: string | null };
      ids.push(...page.data.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([3, 2, 1, 0].map((i) => `aliexpress:${1005000000000001 + i}`));
    const one = (await (await call("GET", `/api/v1/imports/${IMPORT_A}`, { key: keys.a })).json()) as {
      productId: string;
    };
    expect(one.productId).toBe("1005000000000001");

    const jobs: string[] = [];
    cursor = null;
    do {
      const page = (await (
        await call("GET", `/api/v1/jobs?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { key: keys.a })
      ).json()) as { data: { id: string }[]; nextCursor: string | null };
      jobs.push(...page.data.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(jobs).toHaveLength(4);
    expect(jobs.at(-1)).toBe(jobA);
    const job = (await (await call("GET", `/api/v1/jobs/${jobA}`, { key: keys.a })).json()) as {
      status: string;
      progress: { total: number };
    };
    expect(job).toMatchObject({ status: "succeeded", progress: { total: 10 } });
    const running = (await (await call("GET", "/api/v1/jobs?status=running", { key: keys.a })).json()) as {
      data: unknown[];
    };
    expect(running.data).toHaveLength(3);
  });

  it("refuses an import with invalid rules naming the field, writing nothing", async () => {
    const before = await services.db.prisma.productImport.count();
    const res = await call("POST", "/api/v1/imports", {
      key: keys.a,
      body: { source: "{}", multiplier: "0", ending: ".99" },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues).toEqual([
      { path: "body.multiplier", message: "Enter a multiplier between 1 and 100." },
    ]);
    expect((await call("POST", "/api/v1/imports", { key: keys.a, body: { source: "" } })).status).toBe(400);
    expect(
      (await call("POST", "/api/v1/imports", { key: keys.a, body: { source: "x", extra: true } })).status,
    ).toBe(400);
    expect(await services.db.prisma.productImport.count()).toBe(before);
  });
});

describe("personas and campaigns", () => {
  it("generated personas and campaigns are listed, fetched, and recorded in the audit trail as the API key", async () => {
    expect(personaA).toMatch(/^[a-z0-9]+$/);
    expect(campaignA).toMatch(/^[a-z0-9]+$/);
    const list = (await (await call("GET", "/api/v1/personas?language=en", { key: keys.a })).json()) as {
      data: { id: string; offline: boolean }[];
    };
    expect(list.data.map((p) => p.id)).toContain(personaA);
    expect(list.data.every((p) => p.offline)).toBe(true);
    const campaign = (await (
      await call("GET", `/api/v1/campaigns/${campaignA}`, { key: keys.a })
    ).json()) as {
      channel: string;
      languages: string[];
      variants: { id: string; copies: { language: string }[] }[];
    };
    expect(campaign.channel).toBe("email");
    expect(campaign.variants[0]?.copies.map((c) => c.language).sort()).toEqual(["en", "fr"]);
    const page = (await (await call("GET", "/api/v1/campaigns?limit=1", { key: keys.a })).json()) as {
      data: { id: string }[];
    };
    expect(page.data).toHaveLength(1);
    const audit = await services.db.prisma.auditEvent.findMany({
      where: { shop: SHOP_A, action: { in: ["persona.generated", "campaign.created"] } },
    });
    expect(audit.every((a) => a.actorType === "api_key")).toBe(true);
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses invalid generation input naming the field in English, and unknown ids with 404", async () => {
    const bad = await call("POST", "/api/v1/campaigns/generate", {
      key: keys.a,
      body: { name: "", productIds: ["1000"], channels: ["fax"], languages: ["en"] },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { issues: { path: string; message: string }[] } };
    const paths = body.error.issues.map((i) => i.path);
    expect(paths).toContain("body.name");
    expect(body.error.issues.every((i) => !i.message.startsWith("marketing."))).toBe(true);
    expect((await call("GET", "/api/v1/personas/abcdefghij0123", { key: keys.a })).status).toBe(404);
    expect(
      (await call("POST", "/api/v1/personas/generate", { key: keys.a, body: { language: "xx" } })).status,
    ).toBe(400);
  });
});

describe("tenant isolation (every API route, enumerated from the registry)", () => {
  it.each(apiRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s never returns another shop's data",
    async (_name, route) => {
      const sample = sampleFor(route); // shop A's ids, asked with shop B's key
      const res = await call(route.method, sample.path, {
        key: keys.b,
        ...(sample.body === undefined ? {} : { body: sample.body }),
      });
      const text = await res.text();
      expect(text).not.toContain("alpha.myshopify.com");
      expect(text).not.toContain('"id":"1000"');
      expect(text).not.toContain("Alice");
      if (res.ok) {
        expect(text).not.toContain(IMPORT_A);
        expect(text).not.toContain(jobA);
        expect(text).not.toContain(personaA);
        expect(text).not.toContain(campaignA);
      } else {
        // A refusal is an error body only (it may echo the id asked for, never a row).
        expect(Object.keys(JSON.parse(text) as object)).toEqual(["error"]);
      }
      // An id of shop A is not found for shop B ({segment} is a name: B sees its own, empty, segment).
      if (route.path.includes("{id}")) expect([403, 404]).toContain(res.status);
      if (route.method === "POST") expect([403, 404]).toContain(res.status);
    },
  );
});

type DocResponse = { content?: { "application/json": { schema: object } } };

describe("OpenAPI 3.1 document", () => {
  const doc = buildOpenApi(apiRoutes, "https://app.test") as {
    openapi: string;
    paths: Record<string, Record<string, { responses: Record<string, DocResponse & { $ref?: string }> }>>;
    components: { responses: Record<string, DocResponse>; schemas: Record<string, object> };
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
      const sample = sampleFor(route);
      const res = await call(route.method, sample.path, {
        key: keys.a,
        ...(sample.body === undefined ? {} : { body: sample.body }),
      });
      const status = String(res.status);
      const declared = doc.paths[route.path]?.[route.method.toLowerCase()]?.responses[status];
      const response = declared?.$ref
        ? doc.components.responses[declared.$ref.replace("#/components/responses/", "")]
        : declared;
      const raw = response?.content?.["application/json"].schema as { $ref?: string } | undefined;
      // Error responses point at components.schemas.Error.
      const schema = raw?.$ref ? doc.components.schemas[raw.$ref.replace("#/components/schemas/", "")] : raw;
      expect(
        schema,
        `${route.method} ${route.path} answered ${status}, which the document does not describe`,
      ).toBeDefined();
      const validate = ajv.compile(schema ?? {});
      expect(validate(await res.json()), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
