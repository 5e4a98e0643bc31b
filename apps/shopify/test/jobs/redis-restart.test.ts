// Redis stopped and restarted (empty: --save '') in the middle of the initial sync, while the store
// keeps changing: webhooks refused with 503 meanwhile are redelivered, jobs lost with Redis are
// healed by reconciliation. At the end the mirror equals the store: nothing lost, nothing twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueues } from "../../app/context.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";
import { freePort, redisServer, type RedisProcess } from "../helpers/redis-server.js";

let redis: RedisProcess;
let h: Harness;
let outage: Promise<void> | undefined;

beforeAll(async () => {
  redis = redisServer(await freePort());
  await redis.start();
  // The outage starts the moment the app asks the store for its products bulk operation.
  const interceptor: typeof fetch = async (input, init) => {
    const body = typeof init?.body === "string" ? init.body : "";
    if (!outage && body.includes("bulkOperationRunQuery") && body.includes("products")) {
      outage = (async () => {
        await redis.stop();
        // The store keeps changing while Redis is away: these webhooks cannot be queued.
        for (const id of [...h.emulator.store.products.keys()].slice(0, 10)) {
          h.emulator.store.updateProduct(id, (p) => {
            p.title = `${p.title} (edited during the outage)`;
            p.updatedAt = h.emulator.store.now();
          });
        }
        // Back once the app has refused a delivery (503: nowhere to queue it).
        while (!h.answers.includes(503)) await new Promise<void>((resolve) => setTimeout(resolve, 10));
        await redis.start();
      })();
    }
    return fetch(input, init);
  };
  h = await startHarness({
    emulator: { generate: { seed: 5, products: 80, customers: 40, orders: 60 } },
    queues: (logger) => createQueues(redis.url, logger, `nlrestart${Date.now()}`),
    fetch: interceptor,
    enqueueTimeoutMs: 300,
  });
});

afterAll(async () => {
  await h.close();
  await redis.stop();
});

describe("Redis restarted during a sync", () => {
  it("loses no product and duplicates none", async () => {
    // Deliveries during the outage fail: let the emulator retry them quickly but give up never.
    await h.install();
    await expect.poll(() => outage !== undefined, { timeout: 20_000 }).toBe(true);
    await outage;
    await h.settle();
    // Some webhooks were refused while Redis was down (and redelivered since).
    expect(h.answers).toContain(503);
    expect(h.emulator.webhooks.deliveries.every((d) => d.state === "delivered")).toBe(true);

    // Jobs held by the lost Redis are healed by reconciliation (what the scheduler runs).
    for (const resource of ["products", "customers", "orders"] as const) {
      await h.ctx.queues.sync.add("reconcile", { kind: "reconcile", shop: h.emulator.shop, resource });
    }
    await h.settle();

    const store = [...h.emulator.store.products.values()];
    const mirror = await h.t.db.sql.query<{ id: string; title: string; variants: number }>(
      `SELECT p.id::text, p.title, (SELECT count(*)::int FROM "Variant" v WHERE v.shop = p.shop AND v."productId" = p.id) AS variants
         FROM "Product" p WHERE p.shop = $1 ORDER BY p.id`,
      [h.emulator.shop],
    );
    expect(mirror.map((m) => m.id)).toEqual(
      store.map((p) => String(p.id)).sort((a, b) => Number(a) - Number(b)),
    );
    const byId = new Map(mirror.map((m) => [m.id, m]));
    for (const product of store) {
      expect(byId.get(String(product.id))?.title).toBe(product.title);
      expect(byId.get(String(product.id))?.variants).toBe(product.variants.length);
    }
    const [{ n: variantRows } = { n: 0 }] = await h.t.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Variant"`,
    );
    expect(variantRows).toBe(store.reduce((n, p) => n + p.variants.length, 0));
    const customers = await h.t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Customer"`);
    expect(customers[0]?.n).toBe(h.emulator.store.customers.size);
  });
});
