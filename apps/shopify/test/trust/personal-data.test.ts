// Personal data at rest: the synced customers (bulk sync and webhooks) hold no plaintext email or
// name in any table; lookups go by the keyed hash; readers open; the re-encrypt job rotates keys.
import { createMemoryCache } from "@ninjalead/core/cache";
import { silentLogger } from "@ninjalead/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { segmentAnalysis, segmentCustomers } from "~/admin/segments.server.js";
import { shopScopedTables } from "~/compliance/compliance.server.js";
import { config } from "~/config.server.js";
import { createPersonalDataCipher, personalData } from "~/security/personal-data.server.js";
import { reencryptAtRest } from "~/security/reencrypt.server.js";
import { createTokenCipher } from "~/security/token-cipher.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

describe("personal data encrypted at rest", () => {
  let h: Harness;
  const dump = async () => {
    const parts: string[] = [];
    for (const { table } of await shopScopedTables(h.t.db.sql)) {
      const rows = await h.t.db.sql.query(`SELECT * FROM "${table}"`);
      parts.push(JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)));
    }
    return parts.join("\n");
  };
  const storeCustomers = () => [...h.emulator.store.customers.values()];

  beforeAll(async () => {
    h = await startHarness({
      db: "pglite",
      emulator: { generate: { seed: 21, products: 3, customers: 30, orders: 60 } },
    });
    await h.install();
    await h.settle();
    // One more customer through the webhook path (customers/create → the app's mirror).
    await h.ctx
      .admin(h.emulator.shop)
      .request(
        `mutation { customerCreate(input: { firstName: "Zoéline", lastName: "Webhookova", email: "zoeline.webhook@example.org" }) { customer { id } userErrors { message } } }`,
      );
    await h.settle();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a dump of every table holds no customer email or first name in plaintext", async () => {
    const customers = storeCustomers().filter((c) => c.email);
    expect(customers.length).toBeGreaterThan(20);
    expect(await h.t.db.prisma.customer.count({ where: { shop: h.emulator.shop } })).toBe(
      storeCustomers().length,
    );
    const text = await dump();
    for (const c of customers) expect(text).not.toContain(c.email);
    for (const c of storeCustomers().filter((x) => x.firstName.length >= 4)) {
      expect(text).not.toContain(`"${c.firstName}"`);
    }
    expect(text).not.toContain("zoeline.webhook@example.org");
    expect(text).not.toContain("Zoéline");
    const row = await h.t.db.prisma.customer.findFirst({
      where: { shop: h.emulator.shop, emailHash: personalData().emailHash("Zoeline.Webhook@example.org ") },
    });
    expect(row?.email).toMatch(/^nl1\./);
    expect(personalData().open(row?.firstName)).toBe("Zoéline");
  });

  it("the segments drill-down opens first names for the merchant", async () => {
    const { prisma } = h.t.db;
    const cache = createMemoryCache();
    const analysis = await segmentAnalysis(prisma, cache, h.emulator.shop, silentLogger);
    const segment = analysis?.segments.find((s) => s.customers > 0)?.segment;
    expect(segment).toBeDefined();
    const page = await segmentCustomers(
      prisma,
      cache,
      h.emulator.shop,
      segment ?? "champions",
      1,
      silentLogger,
    );
    const names = new Set(storeCustomers().map((c) => c.firstName));
    expect(page?.rows.length).toBeGreaterThan(0);
    for (const r of page?.rows ?? []) if (r.firstName) expect(names.has(r.firstName)).toBe(true);
  });

  it("re-encrypts after a key rotation in resumable batches, re-hashing for lookups", async () => {
    const { prisma } = h.t.db;
    const shop = h.emulator.shop;
    const oldKey = config().encryptionKey;
    const newKey = Buffer.alloc(32, 42);
    const rotated = createPersonalDataCipher(newKey, [oldKey]);
    // A lead and a webhook secret sealed with the old key; one customer sealed with a key nobody holds.
    await prisma.lead.create({
      data: {
        shop,
        email: createTokenCipher(oldKey).encrypt("lead@example.net"),
        emailHash: personalData().emailHash("lead@example.net"),
      },
    });
    await prisma.webhookEndpoint.create({
      data: {
        shop,
        url: "https://hooks.example.com/x",
        events: ["import.created"],
        secret: createTokenCipher(oldKey).encrypt("whsec_1"),
      },
    });
    const lost = createPersonalDataCipher(Buffer.alloc(32, 99));
    await prisma.customer.create({
      data: {
        shop,
        id: 999_999_999n,
        email: lost.seal("lost@example.com"),
        firstName: lost.seal("Lost"),
        shopifyCreatedAt: new Date(),
        shopifyUpdatedAt: new Date(),
      },
    });
    const total = await prisma.customer.count({ where: { shop } });

    // Interrupted after two batches of 5: some rows moved, the rest still readable via the ring.
    const partial = await reencryptAtRest(prisma, rotated, { batchSize: 5, maxBatches: 2 });
    expect(partial.customers.resealed + partial.customers.unreadable).toBe(10);
    // Resumed: the remaining stale rows only.
    const rest = await reencryptAtRest(prisma, rotated, { batchSize: 5 });
    expect(rest.customers.resealed).toBe(total - 1 - partial.customers.resealed);
    expect(rest.customers.unreadable).toBe(1);
    expect(rest.leads).toEqual({ resealed: 1, unreadable: 0 });
    expect(rest.webhookSecrets).toEqual({ resealed: 1, unreadable: 0 });
    // Nothing left to do (the unreadable row is reported again, never rewritten).
    const again = await reencryptAtRest(prisma, rotated, { batchSize: 5 });
    expect(again.customers).toEqual({ resealed: 0, unreadable: 1 });

    const newOnly = createPersonalDataCipher(newKey);
    const customers = await prisma.customer.findMany({ where: { shop, NOT: { id: 999_999_999n } } });
    for (const c of customers) {
      if (c.email) expect(newOnly.isCurrent(c.email)).toBe(true);
      if (c.email) expect(c.emailHash).toBe(newOnly.emailHash(newOnly.open(c.email) ?? ""));
    }
    const zoe = await prisma.customer.findFirst({
      where: { shop, emailHash: newOnly.emailHash("zoeline.webhook@example.org") },
    });
    expect(newOnly.open(zoe?.firstName)).toBe("Zoéline");
    const lead = await prisma.lead.findFirst({
      where: { shop, emailHash: newOnly.emailHash("lead@example.net") },
    });
    expect(newOnly.open(lead?.email)).toBe("lead@example.net");
    const endpoint = await prisma.webhookEndpoint.findFirst({ where: { shop } });
    expect(createTokenCipher(newKey).decrypt(endpoint?.secret ?? "")).toBe("whsec_1");
  });
});
