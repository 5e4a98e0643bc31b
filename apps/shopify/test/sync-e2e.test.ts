// End to end through the store emulator over HTTP: install → bulk sync → edits in the store →
// signed webhooks → the mirror follows; duplicates, reordering and forgeries change nothing.
import { signWebhook } from "@ninjalead/store-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_SECRET, startHarness, type Harness } from "./helpers/harness.js";

let h: Harness;

async function mirrorProduct(id: number) {
  const [row] = await h.t.db.sql.query<{ title: string; updated: string; variants: number }>(
    `SELECT title, "shopifyUpdatedAt"::text AS updated,
            (SELECT count(*)::int FROM "Variant" v WHERE v.shop = p.shop AND v."productId" = p.id) AS variants
       FROM "Product" p WHERE shop = $1 AND id = $2`,
    [h.emulator.shop, id],
  );
  return row;
}

async function counts() {
  const one = async (table: string) =>
    Number((await h.t.db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0]?.n);
  return {
    products: await one("Product"),
    variants: await one("Variant"),
    media: await one("Media"),
    customers: await one("Customer"),
    orders: await one("Order"),
    lines: await one("OrderLine"),
  };
}

function storeCounts() {
  const products = [...h.emulator.store.products.values()];
  const orders = [...h.emulator.store.orders.values()];
  return {
    products: products.length,
    variants: products.reduce((n, p) => n + p.variants.length, 0),
    media: products.reduce((n, p) => n + p.media.length, 0),
    customers: h.emulator.store.customers.size,
    orders: orders.length,
    lines: orders.reduce((n, o) => n + o.lineItems.length, 0),
  };
}

beforeAll(async () => {
  h = await startHarness();
  await h.install();
  await h.settle();
});

afterAll(async () => {
  await h.close();
});

describe("live product sync through the emulator", () => {
  it("the initial bulk syncs mirror products, variants, media, customers and orders", async () => {
    expect(await counts()).toEqual(storeCounts());
    const runs = await h.ctx.db.prisma.syncRun.findMany({ where: { shop: h.emulator.shop } });
    expect(runs.map((r) => [r.resource, r.status]).sort()).toEqual([
      ["customers", "completed"],
      ["orders", "completed"],
      ["products", "completed"],
    ]);
    expect(runs.every((r) => r.bulkOperationId?.startsWith("gid://shopify/BulkOperation/"))).toBe(true);
    const products = runs.find((r) => r.resource === "products");
    expect(products?.processed).toBeGreaterThan(storeCounts().products);
  });
});

interface UpdateData {
  productUpdate: {
    product: { id: string; title: string; updatedAt: string } | null;
    userErrors: { message: string }[];
  };
}

async function renameInStore(id: number, title: string): Promise<void> {
  const admin = h.ctx.admin(h.emulator.shop);
  const { PRODUCT_UPDATE } = await import("../app/shopify/graphql/products.js");
  const data = await admin.request<UpdateData>(PRODUCT_UPDATE, {
    product: { id: `gid://shopify/Product/${id}`, title },
  });
  expect(data.productUpdate.userErrors).toEqual([]);
}

function someProductIds(n: number): number[] {
  return [...h.emulator.store.products.keys()].slice(0, n);
}

describe("webhooks keep the mirror live", () => {
  it("a product edited in the store reaches the mirror through a signed webhook", async () => {
    const [id = 0] = someProductIds(1);
    await renameInStore(id, "Edited in the store");
    await h.settle();
    expect((await mirrorProduct(id))?.title).toBe("Edited in the store");
    const store = h.emulator.store.getProduct(id);
    expect((await mirrorProduct(id))?.variants).toBe(store?.variants.length);
  });

  it("duplicate deliveries of one event are applied once", async () => {
    const [, id = 0] = someProductIds(2);
    const before = await h.t.db.prisma.webhookEvent.count();
    h.emulator.webhooks.setSwitches({ duplicate: 2 });
    await renameInStore(id, "Duplicated thrice");
    await h.settle();
    h.emulator.webhooks.setSwitches({ duplicate: 0 });
    const copies = h.emulator.webhooks.deliveries.filter(
      (d) => d.topic === "products/update" && d.body.includes("Duplicated thrice"),
    );
    expect(copies).toHaveLength(3);
    expect(new Set(copies.map((d) => d.eventId)).size).toBe(1);
    expect(copies.every((d) => d.state === "delivered")).toBe(true);
    expect((await h.t.db.prisma.webhookEvent.count()) - before).toBe(1);
    expect((await mirrorProduct(id))?.title).toBe("Duplicated thrice");
  });

  it("reordered deliveries: an older update arriving last does not overwrite a newer one", async () => {
    const [, , id = 0] = someProductIds(3);
    h.emulator.webhooks.setSwitches({ reorder: 2 });
    await renameInStore(id, "First edit");
    await renameInStore(id, "Second edit");
    await h.settle();
    h.emulator.webhooks.setSwitches({ reorder: 0 });
    const sent = h.emulator.webhooks.deliveries.filter(
      (d) => d.body.includes("First edit") || d.body.includes("Second edit"),
    );
    // The emulator sent the newer one first.
    expect(sent.map((d) => (d.body.includes("Second edit") ? "second" : "first"))).toEqual([
      "first",
      "second",
    ]);
    const order = sent.map((d) => d.attempts[0]?.at ?? "").sort();
    expect(sent.find((d) => d.body.includes("Second edit"))?.attempts[0]?.at).toBe(order[0]);
    expect((await mirrorProduct(id))?.title).toBe("Second edit");
  });

  it("a forged webhook is refused with 401 and changes nothing", async () => {
    const [id = 0] = someProductIds(1);
    const body = JSON.stringify({
      id,
      title: "Forged",
      handle: "x",
      status: "active",
      created_at: new Date().toISOString(),
      updated_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const headers = {
      "Content-Type": "application/json",
      "X-Shopify-Topic": "products/update",
      "X-Shopify-Shop-Domain": h.emulator.shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": "forged-1",
      "X-Shopify-Event-Id": "forged-1",
      "X-Shopify-Triggered-At": new Date().toISOString(),
    };
    const forged = await fetch(h.webhookUrl, {
      method: "POST",
      headers: { ...headers, "X-Shopify-Hmac-Sha256": signWebhook(body, "not-the-secret") },
      body,
    });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(h.webhookUrl, { method: "POST", headers, body });
    expect([400, 401]).toContain(unsigned.status);
    await h.settle();
    expect((await mirrorProduct(id))?.title).not.toBe("Forged");
    expect(await h.t.db.prisma.webhookEvent.count({ where: { eventId: "forged-1" } })).toBe(0);
    // The same body signed with the real secret is accepted (the check is the signature, nothing else).
    const genuine = await fetch(h.webhookUrl, {
      method: "POST",
      headers: { ...headers, "X-Shopify-Hmac-Sha256": signWebhook(body, API_SECRET) },
      body,
    });
    expect(genuine.status).toBe(200);
    await h.settle();
    expect(await h.t.db.prisma.webhookEvent.count({ where: { eventId: "forged-1" } })).toBe(1);
  });

  it("products/delete removes the product and its children", async () => {
    const ids = someProductIds(6);
    const id = ids[5] ?? 0;
    const { PRODUCT_DELETE } = await import("../app/shopify/graphql/products.js");
    await h.ctx
      .admin(h.emulator.shop)
      .request(PRODUCT_DELETE, { input: { id: `gid://shopify/Product/${id}` } });
    await h.settle();
    expect(await mirrorProduct(id)).toBeUndefined();
    const orphans = await h.t.db.sql.query(`SELECT 1 FROM "Variant" WHERE "productId" = $1`, [id]);
    expect(orphans).toHaveLength(0);
  });

  it("reconciliation heals what missed webhooks left behind", async () => {
    // Webhooks off: the store drifts away from the mirror.
    h.emulator.webhooks.setAppUrl(null);
    const [a = 0, b = 0] = someProductIds(10).slice(7);
    h.emulator.store.updateProduct(a, (p) => {
      p.title = "Changed while nobody listened";
      p.updatedAt = h.emulator.store.now();
    });
    h.emulator.store.deleteProduct(b);
    h.emulator.webhooks.setAppUrl(h.webhookUrl);
    expect((await mirrorProduct(a))?.title).not.toBe("Changed while nobody listened");

    const { reconcile } = await import("../app/sync/reconcile.server.js");
    const drift = await reconcile({
      shop: h.emulator.shop,
      resource: "products",
      admin: h.ctx.admin(h.emulator.shop),
      db: h.t.db,
      logger: h.logger,
    });
    expect(drift.storeHash).not.toBe(drift.mirrorHash);
    // Outdated: `a`, and the product the genuine-signature check above stamped with a future date.
    expect({ outdated: drift.outdated, extra: drift.extra, repaired: drift.repaired }).toEqual({
      outdated: 2,
      extra: 1,
      repaired: 3,
    });
    expect((await mirrorProduct(a))?.title).toBe("Changed while nobody listened");
    expect(await mirrorProduct(b)).toBeUndefined();

    const clean = await reconcile({
      shop: h.emulator.shop,
      resource: "products",
      admin: h.ctx.admin(h.emulator.shop),
      db: h.t.db,
      logger: h.logger,
    });
    expect(clean.storeHash).toBe(clean.mirrorHash);
    expect(clean.repaired).toBe(0);
    expect(await counts()).toEqual(storeCounts());
  });
});
