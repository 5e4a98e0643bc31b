// Tenant isolation of the ADMIN routes: every route module in app/routes is found automatically;
// with shop A's session (a real App Bridge session token through shopify-app-remix), every route
// with params is asked for shop B's ids and every action intent is sent with shop B's ids. The
// answer must be a refusal (404/403, or the form's own "not found"), never B's data, and nothing
// of shop B may change. A route module without a case below fails the suite.
import { createAI } from "@ninjalead/core/ai";
import { createMemoryCache } from "@ninjalead/core/cache";
import { Session } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { appContext as appContextFn, services as servicesFn } from "~/services.server.js";
import { createCampaigns } from "~/campaigns/campaigns.server.js";
import { shopScopedTables } from "~/compliance/compliance.server.js";
import { generateShopPersonas } from "~/personas/personas.server.js";
import { signSessionToken } from "~/shopify/session-token.server.js";
import { createApiKey } from "~/trust/api-keys.server.js";

const API_KEY = "isolation-api-key";
const API_SECRET = "isolation-api-secret";
const A = "alpha-admin.myshopify.com";
const B = "bravo-admin.myshopify.com";
const MARKER = "BRAVOSECRET";

// The process-wide services the routes use are built from the environment on first use.
Object.assign(process.env, {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET,
  SHOPIFY_APP_URL: "http://127.0.0.1:3998",
  DATA_DIR: "memory",
  LOG_LEVEL: "error",
});
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;
delete process.env.NINJALEAD_DEMO;

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
};
const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");
const routeName = (path: string) => path.replace("../../app/routes/", "").replace(/\.tsx?$/, "");

/** Shop B's ids, filled in beforeAll. */
const b = {
  product: "9001",
  persona: "",
  campaign: "",
  job: "",
  fix: "",
  apiKey: "",
  delivery: "",
  personasJob: "",
  campaignJob: "",
};

type Form = Record<string, string>;

interface Case {
  /** Params of the route's URL, with shop B's ids. */
  params?: () => Record<string, string>;
  /** Action forms to send (each an intent with shop B's ids). */
  intents?: () => Record<string, string>[];
  /** A query string for the loader (may name shop B's ids: read when the case runs). */
  query?: string | (() => string);
  /** Why the route is outside the admin session's reach (checked elsewhere). */
  skip?: string;
}

/** Every route module. A new file in app/routes without an entry here fails the suite. */
const CASES: Record<string, Case> = {
  _index: { skip: "public landing page: no shop data" },
  "api.v1.$": { skip: "public API: its own isolation suite (test/api/api-v1.test.ts) covers every endpoint" },
  "auth.$": { skip: "Shopify OAuth callback: no shop data" },
  demo: { skip: "demo entry: loopback-only redirect" },
  health: { skip: "health: no shop data" },
  "health.live": { skip: "health: no shop data" },
  "health.ready": { skip: "health: no shop data" },
  "proxy.lead": {
    skip: "storefront app proxy: the shop comes from Shopify's signed query (proxy fuzz suite)",
  },
  app: {},
  // "Check for changes now": no ids to send; it only ever queues the session's own shop
  // (reconcile-schedule.test.ts checks the shop and the refusals).
  "app._index": { intents: (): Form[] => [] },
  "app.activity": {},
  "app.activity.export": {},
  "app.segments._index": {},
  "app.segments.$segment": { params: () => ({ segment: "champions" }) },
  "app.seo._index": {},
  "app.settings.export": {},
  // Shop-level settings: no ids to swap; the session's shop is the only one they can touch.
  "app.settings._index": {
    intents: (): Form[] => [
      { intent: "languages", languages: "xx" },
      { intent: "pricing", multiplier: "0" },
      { intent: "removeKey", provider: "openai" },
    ],
  },
  "app.settings.plan": { intents: (): Form[] => [{ plan: "unknown" }] },
  "app.products._index": {
    intents: (): Form[] => [{ "ids[]": b.product }],
  },
  "app.products.$id": {
    params: () => ({ id: b.product }),
    intents: (): Form[] => [
      { intent: "save", title: "Hijacked", seoTitle: "x", seoDescription: "y" },
      { intent: "suggest" },
      { intent: "alts", "alt:9101": "Hijacked" },
    ],
  },
  "app.products.fixes.$jobId": {
    params: () => ({ jobId: b.job }),
    intents: (): Form[] => [
      { intent: "apply", fixId: b.fix },
      { intent: "reject", fixId: b.fix },
      { intent: "undo", fixId: b.fix },
      { intent: "applyAll" },
      { intent: "cancel" },
    ],
  },
  "app.import": { intents: (): Form[] => [{ intent: "preview", source: "{}" }] },
  "app.personas._index": {
    intents: (): Form[] => [
      { intent: "regenerate", id: b.persona },
      { intent: "translate", language: "de" },
    ],
  },
  "app.personas.$id": {
    params: () => ({ id: b.persona }),
    intents: (): Form[] => [
      { intent: "save", name: "Hijacked" },
      { intent: "regenerate" },
      { intent: "translate", language: "de" },
    ],
  },
  "app.campaigns._index": {},
  "app.campaigns.new": {
    // A campaign job of shop B, followed by id: a 404, never a redirect to B's campaign.
    query: () => `?job=${b.campaignJob}`,
    intents: (): Form[] => [
      { name: "Steal", personaId: b.persona, productIds: b.product, channels: "sms", languages: "en" },
    ],
  },
  "app.campaigns.$id": {
    params: () => ({ id: b.campaign }),
    intents: (): Form[] =>
      ["copy", "settings", "variantB", "results", "publish", "unpublish", "archive"].map((intent) => ({
        intent,
        name: "Hijacked",
        variant: "A",
        language: "en",
      })),
  },
  "app.campaigns.$id.export": { params: () => ({ id: b.campaign }), query: "?format=text" },
  "app.settings.api-keys": { intents: (): Form[] => [{ intent: "revoke", id: b.apiKey }] },
  "app.settings.webhooks": { intents: (): Form[] => [{ intent: "redeliver", id: b.delivery }] },
};

describe("tenant isolation of the admin routes", () => {
  let services: Awaited<ReturnType<typeof servicesFn>>;
  let appContext: typeof appContextFn;
  const found: Record<string, RouteModule> = {};

  const fingerprint = async (shop: string) => {
    const parts: string[] = [];
    for (const { table, column } of await shopScopedTables(services.db.sql)) {
      const [row] = await services.db.sql.query<{ h: string | null; n: string }>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h, count(*)::text AS n FROM "${table}" t WHERE "${column}" = $1`,
        [shop],
      );
      parts.push(`${table}:${row?.n}:${row?.h ?? ""}`);
    }
    return parts.join("\n");
  };

  const request = (path: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    const token = signSessionToken({ apiKey: API_KEY, apiSecret: API_SECRET, shop: A });
    const body = init.form ? new URLSearchParams(init.form) : undefined;
    return new Request(`http://127.0.0.1:3998${path}`, {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(body ? { body } : {}),
    });
  };

  /** Runs a loader/action; a thrown Response is an answer too. Returns the status and the text. */
  const run = async (
    fn: () => Promise<unknown>,
  ): Promise<{ status: number; text: string; value: unknown }> => {
    let value: unknown;
    try {
      value = await fn();
    } catch (thrown) {
      if (thrown instanceof Response)
        return { status: thrown.status, text: await thrown.text(), value: null };
      throw thrown;
    }
    if (value instanceof Response) return { status: value.status, text: await value.text(), value: null };
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "";
    return { status: 200, text, value };
  };

  beforeAll(async () => {
    const svc = await import("~/services.server.js");
    const { applyMigrations, defaultPrismaPaths } = await import("~/db/migrations.server.js");
    await applyMigrations(defaultPrismaPaths(svc.repoRoot()), svc.database().adapterFactory);
    services = await svc.services();
    appContext = svc.appContext;
    const { prisma } = services.db;
    const ctx = appContext();

    for (const shop of [A, B]) {
      await prisma.shop.create({ data: { domain: shop, plan: "pro" } });
      await ctx.sessionStorage.storeSession(
        new Session({
          id: `offline_${shop}`,
          shop,
          state: "",
          isOnline: false,
          scope: ctx.config.shopify.scopes.join(","),
          accessToken: `shpat_${shop.slice(0, 5)}`,
        }),
      );
    }
    // Shop B: a catalog, customers with orders, personas, a campaign, a fix job, a key, a delivery.
    const base = shop(B);
    await prisma.product.create({
      data: { ...base, id: 9001n, title: `${MARKER} tee`, handle: "bravo-tee", status: "ACTIVE" },
    });
    await prisma.product.create({
      data: { ...shop(A), id: 1001n, title: "Alpha tee", handle: "alpha-tee", status: "ACTIVE" },
    });
    await prisma.media.create({ data: { shop: B, id: 9101n, productId: 9001n, alt: `${MARKER} photo` } });
    for (let i = 0; i < 8; i++) {
      await prisma.customer.create({ data: { ...base, id: BigInt(500 + i), countryCode: "DE" } });
      for (let o = 0; o <= i % 3; o++) {
        const at = new Date(Date.UTC(2026, 0, 1 + i + o * 30));
        await prisma.order.create({
          data: {
            shop: B,
            id: BigInt(50_000 + i * 10 + o),
            customerId: BigInt(500 + i),
            currencyCode: "EUR",
            totalPrice: String(30 + i),
            processedAt: at,
            shopifyCreatedAt: at,
            shopifyUpdatedAt: at,
          },
        });
      }
    }
    const deps = {
      prisma,
      ai: createAI({ cache: createMemoryCache() }),
      shop: B,
      actor: { type: "system" as const, id: "seed" },
    };
    const personas = await generateShopPersonas(deps, { language: "en" });
    b.persona = personas[0]?.id ?? "";
    const [campaign] = await createCampaigns(deps, {
      name: `${MARKER} launch`,
      personaId: b.persona,
      productIds: [b.product],
      channels: ["email"],
      languages: ["en"],
    });
    b.campaign = campaign?.id ?? "";
    const job = await prisma.job.create({
      data: { shop: B, kind: "bulk_fix", status: "succeeded", total: 1, done: 1, input: { marker: MARKER } },
    });
    b.job = job.id;
    // Marketing jobs of shop B (the personas page follows the latest; the new-campaign page by id).
    b.personasJob = (
      await prisma.job.create({
        data: {
          shop: B,
          kind: "personas.generate",
          status: "running",
          total: 1,
          input: { params: { language: "en" }, marker: MARKER },
        },
      })
    ).id;
    b.campaignJob = (
      await prisma.job.create({
        data: {
          shop: B,
          kind: "campaigns.create",
          status: "succeeded",
          total: 1,
          done: 1,
          input: { params: { name: MARKER }, marker: MARKER },
          result: { campaignIds: [b.campaign] },
        },
      })
    ).id;
    b.fix = (
      await prisma.productFix.create({
        data: {
          shop: B,
          jobId: job.id,
          productId: 9001n,
          before: { seoTitle: "old" },
          after: { seoTitle: `${MARKER} new` },
          generatedBy: "offline",
        },
      })
    ).id;
    b.apiKey = (
      await createApiKey(prisma, Buffer.alloc(32, 1), { shop: B, name: MARKER, scopes: ["products:read"] })
    ).record.id;
    const endpoint = await prisma.webhookEndpoint.create({
      data: { shop: B, url: "https://hooks.example.com/b", events: ["audit.finished"], secret: "sealed" },
    });
    b.delivery = (
      await prisma.webhookDelivery.create({
        data: {
          shop: B,
          endpointId: endpoint.id,
          event: "audit.finished",
          payload: { marker: MARKER },
          status: "dead",
          nextAttemptAt: new Date(),
        },
      })
    ).id;

    for (const [path, load] of Object.entries(modules)) found[routeName(path)] = await load();
  }, 120_000);

  afterAll(async () => {
    await services?.close();
  });

  it("has a case for every route module with a loader or an action", () => {
    const routes = Object.entries(found)
      .filter(([, m]) => m.loader || m.action)
      .map(([name]) => name)
      .sort();
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !(r in CASES))).toEqual([]);
    // Every route with params in its file name gives them; every action route lists its intents.
    for (const name of routes) {
      const c = CASES[name];
      if (!c || c.skip) continue;
      const names = [...name.matchAll(/\$(\w+)/g)].map((m) => m[1]);
      expect(Object.keys(c.params?.() ?? {}).sort(), `${name}: params`).toEqual(names.sort());
      if (found[name]?.action) expect(c.intents, `${name}: action intents`).toBeDefined();
    }
  });

  it("serves shop A its own product (the session works, so the refusals below are isolation)", async () => {
    const mod = found["app.products.$id"];
    const res = await run(
      () =>
        mod?.loader?.({ request: request("/app/products/1001"), params: { id: "1001" }, context: {} }) ??
        Promise.resolve(null),
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain("Alpha tee");
  });

  it.each(Object.keys(CASES).filter((n) => !CASES[n]?.skip))(
    "%s: shop A never reads or changes shop B's data",
    async (name) => {
      const mod = found[name];
      const c = CASES[name];
      expect(mod, `no module app/routes/${name}`).toBeDefined();
      if (!mod || !c) return;
      const params = c.params?.() ?? {};
      const path =
        `/${name.replace(/\./g, "/").replace(/\$(\w+)/g, (_m, p: string) => params[p] ?? "")}`.replace(
          /\/_index$/,
          "",
        );
      const before = await fingerprint(B);
      if (mod.loader) {
        const res = await run(
          () =>
            mod.loader?.({
              request: request(`${path}${typeof c.query === "function" ? c.query() : (c.query ?? "")}`),
              params,
              context: {},
            }) ?? Promise.resolve(null),
        );
        expect(res.text, `${name} loader`).not.toContain(MARKER);
        for (const id of Object.values(b)) if (id.length > 8) expect(res.text).not.toContain(id);
        if (name === "app.campaigns.new") expect(res.status, `${name} loader status`).toBe(404);
        if (Object.keys(params).length && name !== "app.segments.$segment") {
          expect([403, 404], `${name} loader status`).toContain(res.status);
        }
      }
      for (const form of c.intents?.() ?? []) {
        const res = await run(
          () =>
            mod.action?.({ request: request(path, { method: "POST", form }), params, context: {} }) ??
            Promise.resolve(null),
        );
        const label = `${name} action ${form.intent ?? ""}`;
        expect(res.text, label).not.toContain(MARKER);
        expect(res.status, label).toBeLessThan(500);
        const refused = res.status >= 400 || (res.value as { ok?: boolean } | null)?.ok === false;
        const targetsB =
          Object.values(form).some((v) => Object.values(b).includes(v)) || Object.keys(params).length > 0;
        if (targetsB) expect(refused, `${label} answered ${res.text.slice(0, 200)}`).toBe(true);
      }
      expect(await fingerprint(B), `${name} changed shop B's rows`).toBe(before);
    },
  );
});

function shop(domain: string) {
  return { shop: domain, shopifyCreatedAt: new Date("2026-01-01"), shopifyUpdatedAt: new Date("2026-01-01") };
}
