import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, placeOrder, start, type Emulator } from "../src/index.js";
import { data, startReceiver } from "./helpers.js";
import { shopifyClient } from "./shopify-client.js";

let emulator: Emulator;
let app: Awaited<ReturnType<typeof startReceiver>>;
let failures = 0;

beforeAll(async () => {
  app = await startReceiver((_hook, index) => (index < failures ? 500 : 200));
  emulator = await start({
    generate: { seed: 9, products: 10, customers: 5, orders: 20 },
    apiSecret: "test-secret",
    webhooks: {
      appUrl: app.url,
      retry: { maxAttempts: 4, initialDelayMs: 5, maxDelayMs: 20 },
      timeoutMs: 2_000,
    },
  });
});
afterEach(async () => {
  await emulator.webhooks.idle();
  emulator.webhooks.setSwitches({ duplicate: 0, delayMs: 0, reorder: 0, drop: 0 });
  app.received.length = 0;
  failures = 0;
});
afterAll(async () => {
  await emulator.close();
  await app.close();
});

const UPDATE = `mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id updatedAt } userErrors { message } } }`;

function productIds(): number[] {
  return [...emulator.store.products.keys()];
}

describe("webhooks", () => {
  it("delivers products/update with Shopify's headers, signed with the API secret", async () => {
    const id = productIds()[0] ?? 0;
    await data(emulator, UPDATE, { product: { id: `gid://shopify/Product/${id}`, title: "Signed" } });
    await emulator.webhooks.idle();
    expect(app.received).toHaveLength(1);
    const [hook] = app.received;
    if (!hook) throw new Error("no webhook");
    const expected = createHmac("sha256", "test-secret").update(hook.body, "utf8").digest("base64");
    expect(hook.headers["x-shopify-hmac-sha256"]).toBe(expected);
    expect(hook.headers).toMatchObject({
      "x-shopify-topic": "products/update",
      "x-shopify-shop-domain": emulator.shop,
      "x-shopify-api-version": "2026-10",
      "content-type": "application/json",
    });
    for (const header of ["x-shopify-webhook-id", "x-shopify-event-id", "x-shopify-triggered-at"])
      expect(hook.headers[header]).toBeTruthy();
    const payload = JSON.parse(hook.body) as {
      id: number;
      title: string;
      admin_graphql_api_id: string;
      variants: unknown[];
      updated_at: string;
    };
    expect(payload).toMatchObject({
      id,
      title: "Signed",
      admin_graphql_api_id: `gid://shopify/Product/${id}`,
    });
    expect(payload.variants.length).toBeGreaterThan(0);

    // The real library accepts it…
    const { shopify } = shopifyClient(emulator);
    const valid = await shopify.webhooks.validate({
      rawBody: hook.body,
      rawRequest: hook.request,
      rawResponse: hook.response,
    });
    expect(valid).toMatchObject({
      valid: true,
      topic: "PRODUCTS_UPDATE",
      domain: emulator.shop,
      apiVersion: "2026-10",
    });
    // …and rejects a forged body.
    const forged = await shopify.webhooks.validate({
      rawBody: hook.body.replace("Signed", "Forged"),
      rawRequest: hook.request,
      rawResponse: hook.response,
    });
    expect(forged.valid).toBe(false);
  });

  it("delivers create and delete, and to subscriptions made with webhookSubscriptionCreate", async () => {
    const other = await startReceiver();
    try {
      const created = await data<{
        webhookSubscriptionCreate: {
          webhookSubscription: { id: string; topic: string; uri: string };
          userErrors: unknown[];
        };
      }>(
        emulator,
        `mutation($uri: String!) { webhookSubscriptionCreate(topic: PRODUCTS_DELETE, webhookSubscription: { uri: $uri, format: JSON }) { webhookSubscription { id topic uri } userErrors { field message } } }`,
        { uri: other.url },
      );
      expect(created.webhookSubscriptionCreate).toMatchObject({
        webhookSubscription: { topic: "PRODUCTS_DELETE", uri: other.url },
        userErrors: [],
      });
      const listed = await data<{ webhookSubscriptions: { nodes: { topic: string; uri: string }[] } }>(
        emulator,
        `{ webhookSubscriptions(first: 10) { nodes { topic uri } } }`,
      );
      expect(listed.webhookSubscriptions.nodes).toEqual([{ topic: "PRODUCTS_DELETE", uri: other.url }]);

      const set = await data<{ productSet: { product: { id: string } } }>(
        emulator,
        `mutation { productSet(input: { title: "Fresh" }, synchronous: true) { product { id } } }`,
      );
      await data(emulator, `mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId } }`, {
        id: set.productSet.product.id,
      });
      await emulator.webhooks.idle();
      expect(app.received.map((h) => h.headers["x-shopify-topic"])).toEqual([
        "products/create",
        "products/delete",
      ]);
      expect(other.received.map((h) => JSON.parse(h.body) as unknown)).toEqual([
        { id: Number(set.productSet.product.id.split("/").pop()) },
      ]);
      const insecure = await data<{ webhookSubscriptionCreate: { userErrors: { message: string }[] } }>(
        emulator,
        `mutation { webhookSubscriptionCreate(topic: PRODUCTS_UPDATE, webhookSubscription: { uri: "http://example.com/hooks" }) { userErrors { field message } } }`,
      );
      expect(insecure.webhookSubscriptionCreate.userErrors[0]?.message).toBe(
        "Address protocol http:// is not supported",
      );
    } finally {
      await other.close();
    }
  });

  it("retries with backoff on failure until the app answers 2xx", async () => {
    failures = 2;
    emulator.store.updateProduct(productIds()[1] ?? 0, (p) => {
      p.title = "Retried";
    });
    await emulator.webhooks.idle();
    expect(app.received).toHaveLength(3);
    const ids = new Set(app.received.map((h) => h.headers["x-shopify-webhook-id"]));
    expect(ids.size).toBe(1); // retries are the same webhook
    const delivery = emulator.webhooks.deliveries.at(-1);
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(delivery?.state).toBe("delivered");
  });

  it("treats a slow answer as a failure and retries it", async () => {
    let calls = 0;
    const slow = createServer((_request, response) => {
      calls += 1;
      // The first delivery is never answered: the emulator must time out and retry.
      if (calls > 1) response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const other = await start({
      generate: { seed: 1, products: 1, customers: 0, orders: 0 },
      webhooks: {
        appUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hooks`,
        timeoutMs: 100,
        retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 5 },
      },
    });
    try {
      other.store.updateProduct([...other.store.products.keys()][0] ?? 0, (p) => {
        p.title = "Slow";
      });
      await other.webhooks.idle();
      const [delivery] = other.webhooks.deliveries;
      expect(delivery?.attempts.map((a) => a.status)).toEqual([null, 200]);
      expect(delivery?.attempts[0]?.error).toMatch(/timed out after 100 ms/);
    } finally {
      await other.close();
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it("duplicates deliveries on demand with the same Event-Id", async () => {
    emulator.webhooks.setSwitches({ duplicate: 2 });
    emulator.store.updateProduct(productIds()[2] ?? 0, (p) => {
      p.title = "Thrice";
    });
    await emulator.webhooks.idle();
    expect(app.received).toHaveLength(3);
    expect(new Set(app.received.map((h) => h.headers["x-shopify-event-id"])).size).toBe(1);
    expect(new Set(app.received.map((h) => h.body)).size).toBe(1);
  });

  it("reorders deliveries on demand: the newer update arrives first", async () => {
    emulator.webhooks.setSwitches({ reorder: 2 });
    const id = productIds()[3] ?? 0;
    emulator.store.updateProduct(id, (p) => {
      p.title = "First edit";
    });
    emulator.store.updateProduct(id, (p) => {
      p.title = "Second edit";
    });
    await emulator.webhooks.idle();
    const bodies = app.received.map((h) => JSON.parse(h.body) as { title: string; updated_at: string });
    expect(bodies.map((b) => b.title)).toEqual(["Second edit", "First edit"]);
    expect((bodies[0]?.updated_at ?? "") > (bodies[1]?.updated_at ?? "")).toBe(true);
  });

  it("drops deliveries on demand, so a missed webhook can be healed by reconciliation", async () => {
    emulator.webhooks.setSwitches({ drop: 1 });
    const [first, second] = productIds().slice(5, 7);
    emulator.store.updateProduct(first ?? 0, (p) => {
      p.title = "Never announced";
    });
    emulator.store.updateProduct(second ?? 0, (p) => {
      p.title = "Announced";
    });
    await emulator.webhooks.idle();
    expect(app.received.map((h) => (JSON.parse(h.body) as { title: string }).title)).toEqual(["Announced"]);
    expect(emulator.webhooks.deliveries.at(-2)?.state).toBe("dropped");
  });

  it("delays deliveries on demand", async () => {
    emulator.webhooks.setSwitches({ delayMs: 50 });
    const started = Date.now();
    emulator.store.updateProduct(productIds()[4] ?? 0, (p) => {
      p.title = "Late";
    });
    expect(app.received).toHaveLength(0);
    await emulator.webhooks.idle();
    expect(app.received).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("announces storefront activity: customers/create, orders/create and the customer's update", async () => {
    const customer = createCustomer(emulator.store, {
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@example.com",
      acceptsMarketing: true,
    });
    const variant = [...emulator.store.products.values()][0]?.variants[0];
    if (!variant) throw new Error("no variant");
    const order = placeOrder(emulator.store, {
      customerId: customer.id,
      lines: [{ variantId: variant.id, quantity: 2 }],
    });
    await emulator.webhooks.idle();
    expect(app.received.map((h) => h.headers["x-shopify-topic"])).toEqual([
      "customers/create",
      "orders/create",
      "customers/update",
    ]);
    const [, created, updated] = app.received.map((h) => JSON.parse(h.body) as Record<string, unknown>);
    expect(created).toMatchObject({
      id: order.id,
      total_price: (Number(variant.price) * 2).toFixed(2),
      customer: { id: customer.id },
      line_items: [{ variant_id: variant.id, quantity: 2 }],
    });
    expect(updated).toMatchObject({ id: customer.id, orders_count: 1, last_order_id: order.id });
    expect(() =>
      placeOrder(emulator.store, { customerId: customer.id, lines: [{ variantId: 1, quantity: 1 }] }),
    ).toThrow(/lines\.0\.variantId/);
  });

  it("sends compliance webhooks and app/uninstalled on demand; uninstalling revokes the token", async () => {
    const customer = [...emulator.store.customers.values()].find(
      (c) => emulator.store.customerOrders(c.id).length > 0,
    );
    if (!customer) throw new Error("no customer with orders");
    emulator.triggerCompliance("customers/data_request", { customerId: customer.id });
    emulator.triggerCompliance("customers/redact", { customerId: customer.id });
    emulator.triggerCompliance("shop/redact");
    await emulator.webhooks.idle();
    const byTopic = Object.fromEntries(
      app.received.map((h) => [
        String(h.headers["x-shopify-topic"]),
        JSON.parse(h.body) as Record<string, unknown>,
      ]),
    );
    const orders = emulator.store.customerOrders(customer.id).map((o) => o.id);
    expect(byTopic["customers/data_request"]).toMatchObject({
      shop_domain: emulator.shop,
      customer: { id: customer.id, email: customer.email },
      orders_requested: orders,
    });
    expect(byTopic["customers/redact"]).toMatchObject({
      shop_domain: emulator.shop,
      customer: { id: customer.id },
      orders_to_redact: orders,
    });
    expect(byTopic["shop/redact"]).toEqual({ shop_id: emulator.store.shop.id, shop_domain: emulator.shop });

    const token = emulator.accessToken;
    emulator.triggerAppUninstalled();
    await emulator.webhooks.idle();
    expect(app.received.at(-1)?.headers["x-shopify-topic"]).toBe("app/uninstalled");
    const response = await fetch(emulator.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(response.status).toBe(401);
  });
});
