// POST /api/v1/imports against the store emulator: the product is created live as a draft, the
// import is recorded with its audit event and its import.created webhook in one transaction.
import { readFileSync } from "node:fs";
import { createAI } from "@ninjalead/core/ai";
import { createMemoryCache } from "@ninjalead/core/cache";
import { silentLogger } from "@ninjalead/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyHashKey, dispatch, type ApiServices } from "~/api/define.server.js";
import { apiRoutes } from "~/api/routes.server.js";
import { IMPORTED_PRODUCT } from "~/shopify/graphql/import.js";
import { createTokenCipher } from "~/security/token-cipher.server.js";
import { createApiKey } from "~/trust/api-keys.server.js";
import { registerEndpoint } from "~/trust/outgoing-webhooks.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const FULL = readFileSync(
  new URL("../../../../packages/core/test/catalog/fixtures/ds-product-full.json", import.meta.url),
  "utf8",
);

describe("POST /api/v1/imports", () => {
  let h: Harness;
  let services: ApiServices;
  let key = "";
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    dispatch(
      apiRoutes,
      new Request("http://app.test/api/v1/imports", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, ...headers },
        body: JSON.stringify(body),
      }),
      services,
    );

  beforeAll(async () => {
    h = await startHarness({
      db: "pglite",
      emulator: { generate: { seed: 5, products: 2, customers: 1, orders: 1 } },
    });
    await h.install();
    await h.settle();
    const shop = h.emulator.shop;
    await h.t.db.prisma.shop.update({ where: { domain: shop }, data: { plan: "pro" } });
    services = {
      config: h.ctx.config,
      db: h.t.db,
      cache: createMemoryCache(),
      logger: silentLogger,
      integrations: {
        admin: (s) => h.ctx.admin(s),
        ai: () => Promise.resolve(createAI({ cache: createMemoryCache() })),
      },
    };
    key = (
      await createApiKey(h.t.db.prisma, apiKeyHashKey(services), {
        shop,
        name: "t",
        scopes: ["imports:write"],
      })
    ).key;
    await registerEndpoint(
      h.t.db.prisma,
      createTokenCipher(h.ctx.config.encryptionKey),
      { shop, url: "http://127.0.0.1:9/hooks", events: ["import.created"] },
      { allowPrivate: true },
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it("creates the product live as a draft, records it, and queues import.created once (idempotent retry)", async () => {
    const headers = { "idempotency-key": "import-0001-abc" };
    const res = await post({ source: FULL, rate: "0.92" }, headers);
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: string;
      productGid: string;
      variantCount: number;
      update: boolean;
    };
    expect(body).toMatchObject({ id: "aliexpress:1005006123456789", update: false, variantCount: 9 });
    const { product } = await h.ctx
      .admin(h.emulator.shop)
      .request<{ product: { status: string } | null }>(IMPORTED_PRODUCT, { id: body.productGid });
    expect(product?.status).toBe("DRAFT");

    const replay = await post({ source: FULL, rate: "0.92" }, headers);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    const { prisma } = h.t.db;
    expect(await prisma.productImport.count({ where: { shop: h.emulator.shop } })).toBe(1);
    expect(
      await prisma.auditEvent.count({ where: { shop: h.emulator.shop, action: "product.imported" } }),
    ).toBe(1);
    const events = await prisma.webhookDelivery.findMany({
      where: { shop: h.emulator.shop, event: "import.created" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ data: { sourceId: body.id, productGid: body.productGid } });

    const got = (await (
      await dispatch(
        apiRoutes,
        new Request(`http://app.test/api/v1/imports/${body.id}`, {
          headers: { authorization: `Bearer ${key}` },
        }),
        services,
      )
    ).json()) as { productGid: string };
    expect(got.productGid).toBe(body.productGid);
  });

  it("refuses a link (no AliExpress credentials) and a broken payload with 400, writing nothing", async () => {
    const before = await h.t.db.prisma.productImport.count();
    const link = await post({ source: "https://fr.aliexpress.com/item/1005006123456780.html" });
    expect(link.status).toBe(400);
    const linkBody = (await link.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(linkBody.error.issues[0]).toEqual({
      path: "body.source",
      message: "AliExpress product 1005006123456780: send its payload",
    });
    const broken = await post({ source: "{ not json", rate: "0.92" });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe(
      "body.source",
    );
    const noRate = await post({ source: FULL });
    expect(((await noRate.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe(
      "body.rate",
    );
    expect(await h.t.db.prisma.productImport.count()).toBe(before);
  });
});
