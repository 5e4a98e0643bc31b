// A consented lead becomes the shop's Shopify customer (email marketing SUBSCRIBED, single opt-in,
// the consent time the shopper gave), through the store emulator over HTTP; without consent
// nothing reaches the store; a failed write stays on the lead and the retry delivers it.
import { createCache } from "@ninjalead/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLead, type CaptureDeps } from "../../app/leads/capture.server.js";
import {
  retryLeadSyncs,
  syncLeadToCustomer,
  type LeadSyncDeps,
} from "../../app/leads/customer-sync.server.js";
import { createTokenCipher } from "../../app/security/token-cipher.server.js";
import { ensureShop } from "../../app/shops.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness;
let capture: CaptureDeps;
let sync: LeadSyncDeps;

const storeCustomer = (email: string) =>
  [...h.emulator.store.customers.values()].filter((c) => c.email === email);

async function lead(email: string, consent: boolean, ip: string) {
  const outcome = await captureLead(
    capture,
    h.emulator.shop,
    { email, locale: "de", ...(consent ? { consent: "on" } : {}) },
    ip,
  );
  if (outcome.status !== "stored") throw new Error(`lead not stored: ${outcome.status}`);
  return outcome.lead;
}

beforeAll(async () => {
  h = await startHarness();
  // The shop is known but not installed yet: no offline session, so writes to the store fail.
  await ensureShop(h.ctx.db.prisma, h.emulator.shop);
  const cipher = createTokenCipher(Buffer.alloc(32, 3));
  capture = {
    prisma: h.ctx.db.prisma,
    cache: await createCache(),
    sealer: cipher,
    hashKey: Buffer.alloc(32, 9),
  };
  sync = { prisma: h.ctx.db.prisma, admin: (shop) => h.ctx.admin(shop), sealer: cipher };
});
afterAll(async () => {
  await h.close();
});

describe("lead → Shopify customer", () => {
  it("keeps the lead and records why when the store cannot be written, then the retry delivers it", async () => {
    const consented = await lead("new.lead@example.com", true, "198.51.100.1");
    const failed = await syncLeadToCustomer(sync, consented);
    expect(failed).toMatchObject({ status: "failed" });
    const row = await h.ctx.db.prisma.lead.findUniqueOrThrow({ where: { id: consented.id } });
    expect(row.syncError).toMatch(/Admin API .* CustomerByEmail/);
    expect(row.syncError).not.toContain("new.lead");
    expect(row.syncedAt).toBeNull();
    expect(storeCustomer("new.lead@example.com")).toEqual([]);

    await h.install();
    // Too recent for the ticker's default spacing; the retry takes it once it is old enough.
    expect((await retryLeadSyncs(sync)).attempted).toBe(0);
    expect(await retryLeadSyncs(sync, { minAgeMs: 0 })).toEqual({ attempted: 1, synced: 1, failed: 0 });

    const [customer] = storeCustomer("new.lead@example.com");
    expect(customer).toMatchObject({
      locale: "de",
      emailMarketingState: "SUBSCRIBED",
      emailMarketingOptInLevel: "SINGLE_OPT_IN",
      emailMarketingConsentUpdatedAt: consented.consentAt?.toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
    const synced = await h.ctx.db.prisma.lead.findUniqueOrThrow({ where: { id: consented.id } });
    expect(synced).toMatchObject({ customerId: `gid://shopify/Customer/${customer?.id}`, syncError: null });
    expect(synced.syncedAt).not.toBeNull();
    expect((await retryLeadSyncs(sync, { minAgeMs: 0 })).attempted).toBe(0);
  });

  it("writes nothing to the store without consent", async () => {
    const before = h.emulator.store.customers.size;
    const plain = await lead("no.consent@example.com", false, "198.51.100.2");
    expect(await syncLeadToCustomer(sync, plain)).toEqual({ status: "skipped" });
    expect((await retryLeadSyncs(sync, { minAgeMs: 0 })).attempted).toBe(0);
    expect(h.emulator.store.customers.size).toBe(before);
    expect(storeCustomer("no.consent@example.com")).toEqual([]);
  });

  it("subscribes an existing customer in place instead of creating a second one", async () => {
    const existing = [...h.emulator.store.customers.values()].find(
      (c) => c.email !== null && c.emailMarketingState !== "SUBSCRIBED",
    );
    if (!existing?.email) throw new Error("the generated store has no unsubscribed customer");
    const before = h.emulator.store.customers.size;
    const consented = await lead(existing.email, true, "198.51.100.3");
    expect(await syncLeadToCustomer(sync, consented)).toEqual({
      status: "synced",
      customerId: `gid://shopify/Customer/${existing.id}`,
      created: false,
    });
    expect(h.emulator.store.customers.size).toBe(before);
    expect(h.emulator.store.customers.get(existing.id)).toMatchObject({
      emailMarketingState: "SUBSCRIBED",
      emailMarketingOptInLevel: "SINGLE_OPT_IN",
    });
    // Nothing new to say: a second sync of the same consent is skipped.
    const row = await h.ctx.db.prisma.lead.findUniqueOrThrow({ where: { id: consented.id } });
    expect(await syncLeadToCustomer(sync, row)).toEqual({ status: "skipped" });
  });
});
