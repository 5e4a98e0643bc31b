// Compliance webhooks and uninstall, through the emulator over HTTP, checked table by table on
// PostgreSQL and PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openCustomerExport,
  shopScopedTables,
  type CustomerExport,
} from "../app/compliance/compliance.server.js";
import { processSyncJob } from "../app/jobs/workers.server.js";
import { personalData } from "../app/security/personal-data.server.js";
import { startHarness, type Harness } from "./helpers/harness.js";
import type { DatabaseKind } from "./helpers/database.js";

describe.each<DatabaseKind>(["postgres", "pglite"])("compliance on %s", (kind) => {
  let h: Harness;
  const rows = async (table: string, where = "TRUE", params: unknown[] = []) =>
    h.t.db.sql.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE ${where}`, params);
  const dumpAll = async () => {
    const parts: string[] = [];
    for (const { table } of await shopScopedTables(h.t.db.sql))
      parts.push(
        JSON.stringify(await rows(table), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)),
      );
    return parts.join("\n");
  };
  /** A customer with orders and an email, from the store. */
  const customerWithOrders = (skip = 0) => {
    const withOrders = [...h.emulator.store.customers.values()].filter(
      (c) => c.email && h.emulator.store.customerOrders(c.id).length > 0,
    );
    const customer = withOrders[skip];
    if (!customer) throw new Error("the seeded store has no customer with orders");
    return customer;
  };

  beforeAll(async () => {
    h = await startHarness({
      db: kind,
      emulator: { generate: { seed: 11, products: 10, customers: 25, orders: 80 } },
    });
    await h.install();
    await h.settle();
  });
  afterAll(async () => {
    await h.close();
  });

  it("finds every table that holds shop data in the database's catalog", async () => {
    const tables = (await shopScopedTables(h.t.db.sql)).map((t) => t.table);
    for (const expected of [
      "Shop",
      "Session",
      "Product",
      "Variant",
      "Media",
      "ProductMetafield",
      "Customer",
      "Order",
      "OrderLine",
      "SyncRun",
      "WebhookEvent",
      "ComplianceRequest",
    ]) {
      expect(tables).toContain(expected);
    }
    expect(tables).not.toContain("_prisma_migrations");
  });

  it("customers/data_request assembles the customer's row, orders and lines", async () => {
    const customer = customerWithOrders();
    const storeOrders = h.emulator.store.customerOrders(customer.id);
    h.emulator.triggerCompliance("customers/data_request", { customerId: customer.id });
    await h.settle();
    const [request] = await rows(
      "ComplianceRequest",
      `topic = 'customers/data_request' AND "customerId" = $1`,
      [customer.id],
    );
    const stored = request?.export as CustomerExport;
    // At rest the export keeps the customer's email sealed; handed over, it is opened.
    expect(JSON.stringify(stored)).not.toContain(customer.email);
    const exported = openCustomerExport(stored) as unknown as {
      customer: { id: string; email: string };
      orders: { id: string }[];
      orderLines: unknown[];
    };
    expect(exported.customer).toMatchObject({ id: String(customer.id), email: customer.email });
    expect(exported.orders.map((o) => o.id).sort()).toEqual(storeOrders.map((o) => String(o.id)).sort());
    expect(exported.orderLines).toHaveLength(storeOrders.reduce((n, o) => n + o.lineItems.length, 0));
  });

  it("customers/redact erases the customer's personal data, table by table", async () => {
    const customer = customerWithOrders();
    const email = customer.email ?? "";
    const customersBefore = (await rows("Customer")).length;
    // A storefront sign-up that became this customer (the leads module links it by customerId).
    await h.t.db.sql.query(
      `INSERT INTO "Lead" (id, shop, "emailHash", email, "customerId", consent, "updatedAt") VALUES ('lead-1', $1, 'h', 'sealed', $2, true, now())`,
      [h.emulator.shop, String(customer.id)],
    );
    // Sealed at rest: the email is in no table even before the redaction; its lookup hash is.
    expect(await dumpAll()).not.toContain(email);
    expect(await rows("Customer", `"emailHash" = $1`, [personalData().emailHash(email)])).toHaveLength(1);
    h.emulator.triggerCompliance("customers/redact", { customerId: customer.id });
    await h.settle();
    // Customer: the row is gone, the others stay.
    expect(await rows("Customer", "id = $1", [customer.id])).toEqual([]);
    expect((await rows("Customer")).length).toBe(customersBefore - 1);
    // Order: kept for the shop's figures, no longer linked to the person.
    const orderIds = h.emulator.store.customerOrders(customer.id).map((o) => o.id);
    const orders = await rows("Order", "id = ANY($1::bigint[])", [orderIds]);
    expect(orders).toHaveLength(orderIds.length);
    expect(orders.every((o) => o.customerId === null)).toBe(true);
    // Lead: the sign-up linked to them is gone.
    expect(await rows("Lead", `"customerId" = $1`, [String(customer.id)])).toEqual([]);
    // ComplianceRequest: the earlier export about them is erased.
    const requests = await rows("ComplianceRequest", `"customerId" = $1`, [customer.id]);
    expect(requests.filter((r) => r.export !== null)).toEqual([]);
    // Nowhere else: no table holds the email, nor a row found by its hash, any more.
    expect(await dumpAll()).not.toContain(email);
    expect(await dumpAll()).not.toContain(personalData().emailHash(email));
  });

  it("app/uninstalled removes sessions, marks the shop and schedules the purge; a reinstall cancels it", async () => {
    const shop = h.emulator.shop;
    expect(await rows("Session", "shop = $1", [shop])).toHaveLength(1);
    h.emulator.triggerAppUninstalled();
    await h.emulator.webhooks.idle();
    await h.ctx.queues.webhooks.idle();
    expect(await rows("Session", "shop = $1", [shop])).toEqual([]);
    const marked = await h.ctx.db.prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    expect(marked.uninstalledAt).not.toBeNull();
    expect((marked.purgeAfter?.getTime() ?? 0) - (marked.uninstalledAt?.getTime() ?? 0)).toBe(48 * 3_600_000);
    expect((await h.ctx.queues.sync.stats()).delayed).toBe(1);

    // Not due yet: the purge job leaves everything.
    await processSyncJob(h.ctx, { kind: "purge-shop", shop });
    expect((await rows("Product", "shop = $1", [shop])).length).toBeGreaterThan(0);
    // Due: everything of the shop goes.
    await h.ctx.db.prisma.shop.update({
      where: { domain: shop },
      data: { purgeAfter: new Date(Date.now() - 1_000) },
    });
    await processSyncJob(h.ctx, { kind: "purge-shop", shop });
    for (const { table, column } of await shopScopedTables(h.t.db.sql)) {
      expect(await rows(table, `"${column}" = $1`, [shop]), table).toEqual([]);
    }
  });

  it("shop/redact erases every row of the shop in every table", async () => {
    // Reinstall and resync first, so there is something to erase.
    await h.install();
    await h.settle();
    const shop = h.emulator.shop;
    expect((await rows("Product", "shop = $1", [shop])).length).toBeGreaterThan(0);
    expect((await rows("Customer", "shop = $1", [shop])).length).toBeGreaterThan(0);
    h.emulator.triggerCompliance("shop/redact");
    await h.settle();
    for (const { table, column } of await shopScopedTables(h.t.db.sql)) {
      expect(await rows(table, `"${column}" = $1`, [shop]), table).toEqual([]);
    }
  });
});
