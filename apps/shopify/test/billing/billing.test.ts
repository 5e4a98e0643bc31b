import { defineTask } from "@ninjalead/core/ai";
import { createMemoryCache } from "@ninjalead/core/cache";
import { startOpenAIEmulator } from "@ninjalead/openai-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPlanEngines, creditPeriod } from "~/billing/ai.server.js";
import { billOverage, startSubscription, syncSubscription } from "~/billing/billing.server.js";
import { creditCeiling, PLANS } from "~/billing/plans.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const actor = { type: "staff", id: "1" } as const;

describe("billing through Shopify (store emulator)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      db: "pglite",
      emulator: { generate: { seed: 5, products: 2, customers: 2, orders: 2 } },
    });
    await h.install();
    await h.settle();
  });
  afterAll(() => h.close());

  it("subscribes to Pro only once the merchant approves, then bills overage in idempotent blocks up to the cap", async () => {
    const shop = h.emulator.shop;
    const admin = h.ctx.admin(shop);
    const prisma = h.ctx.db.prisma;
    const { confirmationUrl, subscriptionId } = await startSubscription(admin, {
      plan: "pro",
      returnUrl: "https://app.example/app/billing",
      test: true,
    });
    expect(confirmationUrl).toMatch(/^https?:\/\//);
    expect((await syncSubscription(admin, prisma, shop, actor)).id).toBe("free"); // not approved yet

    h.emulator.approveSubscription(Number(subscriptionId.split("/").pop()));
    expect((await syncSubscription(admin, prisma, shop, actor)).id).toBe("pro");
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    expect(row.plan).toBe("pro");
    expect(await prisma.auditEvent.count({ where: { shop, action: "plan.changed" } })).toBe(1);

    const period = creditPeriod();
    // 2,175 credits used on a 2,000-credit plan: three full blocks of 50 are due, the rest waits.
    expect(await billOverage(admin, prisma, { shop, period, creditsCharged: 2_175 })).toEqual({
      charged: 150,
      amountUsd: 1.5,
    });
    expect(await billOverage(admin, prisma, { shop, period, creditsCharged: 2_175 })).toEqual({
      charged: 0,
      amountUsd: 0,
    });
    expect(await billOverage(admin, prisma, { shop, period, creditsCharged: 2_200 })).toEqual({
      charged: 50,
      amountUsd: 0.5,
    });
    const records = [...h.emulator.store.usageRecords.values()];
    expect(records).toHaveLength(4);
    expect(records.every((r) => r.price.amount === "0.5" || r.price.amount === "0.50")).toBe(true);
    expect(await prisma.usageCharge.count({ where: { shop } })).toBe(4);
  });

  it("never sells more credits than the capped usage charge can pay for", () => {
    expect(creditCeiling(PLANS.free)).toBe(100);
    expect(creditCeiling(PLANS.pro)).toBe(2_000 + 5_000);
    expect(creditCeiling(PLANS.business)).toBe(10_000 + 25_000);
  });
});

describe("plan credits are enforced by the AI engine's quota ledger", () => {
  let server: Awaited<ReturnType<typeof startOpenAIEmulator>>;
  beforeAll(async () => {
    server = await startOpenAIEmulator({ port: 0 });
  });
  afterAll(() => server.close());

  it("stops a Free shop at 100 credits with quota_exceeded, while a Pro shop goes on", async () => {
    const engineFor = createPlanEngines({
      openai: { apiKey: "test", baseURL: server.baseURL },
      offline: false,
      cache: createMemoryCache(),
      cacheTtlMs: 0,
    });
    const task = defineTask({
      name: "billing.test",
      schema: z.object({ text: z.string() }),
      prompt: (input: { n: number }) => ({ system: "Write one word.", user: `Item ${input.n}` }),
      offline: () => ({ text: "offline" }),
    });
    const run = (plan: string, shopId: string, n: number) =>
      engineFor(plan).run(task, { n }, { language: "en", shopId, cache: "bypass" });
    const free = await Promise.allSettled(Array.from({ length: 110 }, (_, n) => run("free", "free-shop", n)));
    expect(free.filter((r) => r.status === "fulfilled")).toHaveLength(100);
    const refused = free.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && (refused.reason as { code: string }).code).toBe(
      "quota_exceeded",
    );
    const pro = await Promise.allSettled(Array.from({ length: 110 }, (_, n) => run("pro", "pro-shop", n)));
    expect(pro.every((r) => r.status === "fulfilled")).toBe(true);
    expect((await engineFor("pro").balance("pro-shop")).charged).toBe(110);
  });
});
