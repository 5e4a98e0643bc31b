// Fuzzing the app's inputs besides the public API (test/api/api-fuzz.test.ts): the webhook
// endpoint (over HTTP, and the mirror's apply step with signed but malformed payloads), the
// storefront app proxy, and every admin form action. Thousands of generated inputs: each gets a
// 4xx with a message (or a success when it happens to be valid), never a 5xx, and a refusal
// writes nothing.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { silentLogger } from "@ninjalead/core";
import { Session } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { services as servicesFn } from "~/services.server.js";
import { createMemoryQueue } from "~/jobs/memory-queue.server.js";
import { signSessionToken } from "~/shopify/session-token.server.js";
import { applyMirrorWebhook } from "~/webhooks/apply.server.js";
import { webhookListener } from "~/webhooks/receive.server.js";
import type { WebhookJob } from "~/webhooks/topics.server.js";

const API_KEY = "fuzz-api-key";
const API_SECRET = "fuzz-api-secret";
const SHOP = "fuzz-admin.myshopify.com";

Object.assign(process.env, {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET,
  SHOPIFY_APP_URL: "http://127.0.0.1:3997",
  DATA_DIR: "memory",
  LOG_LEVEL: "error",
});
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;
delete process.env.NINJALEAD_DEMO;

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<unknown>;
type Services = Awaited<ReturnType<typeof servicesFn>>;
let services: Services;

/**
 * Row count and checksum of every shop-scoped table: any write anywhere changes it (`updatedAt`
 * aside: the admin's shop upsert on each request touches only that bookkeeping column).
 */
async function fingerprint(): Promise<string> {
  const { shopScopedTables } = await import("~/compliance/compliance.server.js");
  const tables = await shopScopedTables(services.db.sql);
  const query = tables
    .map(
      ({ table }) =>
        `SELECT '${table}' AS t, count(*)::text AS n, md5(string_agg((to_jsonb(x) - 'updatedAt')::text, '|' ORDER BY (to_jsonb(x) - 'updatedAt')::text)) AS h FROM "${table}" x`,
    )
    .join(" UNION ALL ");
  const rows = await services.db.sql.query<{ t: string; n: string; h: string | null }>(query);
  return rows.map((r) => `${r.t}:${r.n}:${r.h ?? ""}`).join("\n");
}

const junk = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "99999999999999999999999",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "{}",
    "[]",
    "null",
    "true",
    "😀",
    "a".repeat(5000),
  ),
);

beforeAll(async () => {
  const svc = await import("~/services.server.js");
  const { applyMigrations, defaultPrismaPaths } = await import("~/db/migrations.server.js");
  await applyMigrations(defaultPrismaPaths(svc.repoRoot()), svc.database().adapterFactory);
  services = await svc.services();
  const ctx = svc.appContext();
  await services.db.prisma.shop.create({ data: { domain: SHOP, plan: "pro" } });
  await ctx.sessionStorage.storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "",
      isOnline: false,
      scope: ctx.config.shopify.scopes.join(","),
      accessToken: "shpat_fuzz",
    }),
  );
  await services.db.prisma.product.create({
    data: {
      shop: SHOP,
      id: 42n,
      title: "Fuzzed tee",
      handle: "fuzzed-tee",
      status: "ACTIVE",
      shopifyCreatedAt: new Date("2026-01-01"),
      shopifyUpdatedAt: new Date("2026-01-01"),
    },
  });
}, 120_000);
afterAll(async () => {
  await services?.close();
});

describe("the webhook endpoint", () => {
  let server: Server;
  let url = "";
  const queue = createMemoryQueue<WebhookJob>("webhooks-fuzz", { logger: silentLogger });
  beforeAll(async () => {
    server = createServer(webhookListener({ apiSecret: API_SECRET, queue, logger: silentLogger }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(async () => {
    await queue.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("refuses 1,500 forged or malformed deliveries with a 4xx and a message, queueing nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("POST", "POST", "POST", "GET", "PUT"),
        junk,
        fc.record(
          {
            topic: fc.oneof(
              fc.constantFrom("customers/create", "orders/create", "products/update"),
              fc.string({ maxLength: 40 }),
            ),
            shop: fc.oneof(fc.constant(SHOP), fc.string({ maxLength: 60 })),
            id: fc.string({ maxLength: 40 }),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom("none", "wrong", "right-but-bad-headers"),
        async (method, body, h, signing) => {
          const headers: Record<string, string> = {};
          const safe = (v: string) => v.replace(/[^\x20-\x7e]/g, "");
          if (h.topic !== undefined) headers["x-shopify-topic"] = safe(h.topic);
          if (h.shop !== undefined && signing !== "right-but-bad-headers")
            headers["x-shopify-shop-domain"] = safe(h.shop);
          if (h.id !== undefined) headers["x-shopify-webhook-id"] = safe(h.id);
          if (signing === "wrong")
            headers["x-shopify-hmac-sha256"] = createHmac("sha256", "not-the-secret")
              .update(body)
              .digest("base64");
          if (signing === "right-but-bad-headers") {
            headers["x-shopify-hmac-sha256"] = createHmac("sha256", API_SECRET).update(body).digest("base64");
            headers["x-shopify-shop-domain"] = "not a shop";
          }
          const res = await fetch(url, { method, headers, ...(method === "GET" ? {} : { body }) });
          const text = await res.text();
          expect(
            res.status,
            `${method} ${JSON.stringify(headers)} ${body.slice(0, 80)}`,
          ).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(text.length).toBeGreaterThan(5);
        },
      ),
      { numRuns: 1_500, seed: 1125 },
    );
    const stats = await queue.stats();
    expect(stats.waiting + stats.active + stats.delayed).toBe(0);
  }, 120_000);

  it("applies 1,500 signed but malformed payloads to nothing: the mirror refuses them whole", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          "customers/create",
          "customers/update",
          "customers/delete",
          "orders/create",
          "orders/updated",
          "orders/delete",
          "products/create",
          "products/update",
          "products/delete",
        ),
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
            email: junk,
            first_name: junk,
            updated_at: junk,
          }),
        ),
        async (topic, payload) => {
          const job = {
            topic,
            shop: SHOP,
            eventId: `e-${Math.random()}`,
            body: JSON.stringify(payload),
            triggeredAt: null,
          } as WebhookJob;
          const before = await fingerprint();
          try {
            await applyMirrorWebhook(services.db.sql, job, payload);
          } catch (error) {
            refused += 1;
            // Refused as a whole: not even the event id is claimed.
            expect(await fingerprint()).toBe(before);
            // A validation refusal, not a crash of the database layer.
            expect(String(error)).not.toMatch(/syntax error|violates|does not exist/i);
          }
        },
      ),
      { numRuns: 1_500, seed: 2511 },
    );
    expect(refused).toBeGreaterThan(1_000);
  }, 120_000);
});

describe("the storefront app proxy", () => {
  const signed = (params: Record<string, string>) => {
    const message = Object.keys(params)
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join("");
    return new URLSearchParams({
      ...params,
      signature: createHmac("sha256", API_SECRET).update(message).digest("hex"),
    });
  };

  it("answers 1,000 malformed signed form posts with a 4xx and a message, storing only valid sign-ups", async () => {
    const route = (await import("~/routes/proxy.lead.js")) as unknown as { action: Handler };
    const leadsBefore = await services.db.prisma.lead.count();
    let stored = 0;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom("email", "consent", "campaign", "locale", "website", "x"), junk, {
          maxKeys: 5,
        }),
        async (form) => {
          n += 1;
          const query = signed({
            shop: `proxy-fuzz-${n}.myshopify.com`,
            path_prefix: "/apps/ninjalead",
            timestamp: String(Math.floor(Date.now() / 1000)),
          });
          const request = new Request(`http://127.0.0.1:3997/proxy/lead?${query.toString()}`, {
            method: "POST",
            headers: {
              accept: "application/json",
              "content-type": "application/x-www-form-urlencoded",
              "x-forwarded-for": `198.18.${n % 250}.${n % 200}`,
            },
            body: new URLSearchParams(form),
          });
          const res = (await route.action({ request, params: {}, context: {} })) as Response;
          expect(res.status, JSON.stringify(form).slice(0, 200)).toBeLessThan(500);
          const body = (await res.json()) as { ok: boolean; message: string };
          expect(body.message.length).toBeGreaterThan(3);
          if (res.status === 201) stored += 1;
          else if (res.status >= 400) expect(body.ok).toBe(false);
        },
      ),
      { numRuns: 1_000, seed: 77 },
    );
    expect(await services.db.prisma.lead.count()).toBe(leadsBefore + stored);
  }, 120_000);
});

describe("the admin form actions", () => {
  /** Each admin action with its intents; fields get generated junk. */
  const ACTIONS: Record<string, string[]> = {
    "app.import": ["preview", "create"],
    "app.products._index": [""],
    "app.products.$id": ["save", "suggest", "alts"],
    "app.products.fixes.$jobId": ["apply", "reject", "undo", "applyAll", "cancel"],
    "app.personas._index": ["regenerate", "translate", "generate"],
    "app.personas.$id": ["save", "regenerate", "translate"],
    "app.campaigns.new": [""],
    "app.campaigns.$id": ["copy", "settings", "variantB", "results", "publish", "unpublish", "archive"],
    "app.settings._index": ["languages", "pricing", "setKey", "removeKey"],
    "app.settings.api-keys": ["create", "revoke"],
    "app.settings.webhooks": ["addEndpoint", "revoke", "redeliver"],
    "app.settings.plan": [""],
  };
  const FIELDS = [
    "id",
    "name",
    "language",
    "languages",
    "title",
    "seoTitle",
    "seoDescription",
    "source",
    "multiplier",
    "ids[]",
    "fixId",
    "url",
    "events",
    "scopes",
    "plan",
    "provider",
    "key",
    "productIds",
    "channels",
    "personaId",
    "variant",
    "content",
    "scope",
    "alt:42",
    "q",
    "status",
    "rating",
    "issue",
  ];

  it.each(Object.entries(ACTIONS))(
    "%s: generated forms never 5xx, and a refusal writes nothing",
    async (name, intents) => {
      const route = (await import(`../../app/routes/${name}.tsx`)) as { action: Handler };
      const token = () => signSessionToken({ apiKey: API_KEY, apiSecret: API_SECRET, shop: SHOP });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...intents),
          fc.dictionary(fc.constantFrom(...FIELDS), junk, { maxKeys: 6 }),
          fc.constantFrom("42", "nope", "cm0000000000000000000000"),
          async (intent, fields, param) => {
            const form = new URLSearchParams({ ...fields, ...(intent ? { intent } : {}) });
            const before = await fingerprint();
            let status = 200;
            let value: unknown = null;
            try {
              value = await route.action({
                request: new Request(`http://127.0.0.1:3997/app/x`, {
                  method: "POST",
                  headers: {
                    authorization: `Bearer ${token()}`,
                    "content-type": "application/x-www-form-urlencoded",
                  },
                  body: form,
                }),
                params: { id: param, jobId: param },
                context: {},
              });
            } catch (thrown) {
              if (!(thrown instanceof Response)) throw thrown; // a crash: the property fails
              status = thrown.status;
            }
            if (value instanceof Response) status = value.status;
            expect(status, `${name} ${form.toString().slice(0, 200)}`).toBeLessThan(500);
            const refused =
              status >= 400 ||
              (value as { ok?: boolean } | null)?.ok === false ||
              (value as { error?: unknown } | null)?.error;
            if (refused) expect(await fingerprint(), `${name}: a refused form wrote`).toBe(before);
          },
        ),
        { numRuns: 120, seed: 4242 },
      );
    },
    120_000,
  );
});
