// Marketing jobs (persona generation and translation, campaign creation) on the ai queue over a
// synced store (real emulator, real sync, real PostgreSQL): validation at once and nothing queued
// for bad input, the run on the queue with its result and audit trail, tenant scoping, retries on
// a provider outage (the OpenAI emulator's faults) and idempotence.
import { createAI, type AIEngine } from "@ninjalead/core/ai";
import { createMemoryCache } from "@ninjalead/core/cache";
import { startOpenAIEmulator } from "@ninjalead/openai-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaigns } from "../../app/campaigns/campaigns.server.js";
import { useJobAI } from "../../app/jobs/ai-worker.server.js";
import {
  loadMarketingJob,
  latestPersonasJob,
  MARKETING_JOB_ATTEMPTS,
  runMarketingJob,
  startMarketingJob,
  type MarketingJobKind,
} from "../../app/marketing/marketing-jobs.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";
import { refusal } from "../helpers/refusal.js";

const OTHER = "someone-else.myshopify.com";
const actor = { type: "staff" as const, id: "test" };

describe("marketing jobs", () => {
  let h: Harness;
  let shop: string;
  let productIds: string[];
  // The engine the ai queue's jobs use (offline unless a test swaps it), and how often it was asked.
  let engine: AIEngine = createAI({ cache: createMemoryCache() });
  let engineCalls = 0;
  const prisma = () => h.t.db.prisma;
  const start = (kind: MarketingJobKind, input: unknown, forShop = shop) =>
    startMarketingJob(
      { prisma: prisma(), queue: h.ctx.queues.ai, shop: forShop, actor, requestId: "req-jobs" },
      kind,
      input,
    );
  const runDeps = () => ({ prisma: prisma(), ai: () => Promise.resolve(engine), logger: h.logger });
  const jobs = () =>
    prisma().job.count({ where: { kind: { in: ["personas.generate", "campaigns.create"] } } });
  const audits = (action: string) => prisma().auditEvent.count({ where: { shop, action } });

  beforeAll(async () => {
    h = await startHarness({
      emulator: { generate: { seed: 21, products: 12, customers: 60, orders: 300 } },
    });
    await h.install();
    await h.settle();
    shop = h.emulator.shop;
    useJobAI(h.ctx, () => {
      engineCalls++;
      return Promise.resolve(engine);
    });
    const products = await prisma().product.findMany({ where: { shop }, orderBy: { id: "asc" }, take: 3 });
    productIds = products.map((p) => p.id.toString());
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it("refuses bad input at once with the services' field errors, and queues nothing", async () => {
    const before = await jobs();
    const language = await refusal(start("personas.generate", { language: "xx" }));
    expect(language).toMatchObject({ code: "invalid_input", key: "marketing.error.form" });
    expect(language.fields.language?.key).toBe("marketing.error.language");
    // No customers yet: the same refusal as generating inline.
    const empty = await refusal(start("personas.generate", { language: "en" }, OTHER));
    expect(empty).toMatchObject({ code: "no_customers", key: "marketing.error.noCustomers" });
    // A campaign request: exactly the fields createCampaigns names, checked before any AI call.
    const bad = { name: "", productIds: [], channels: ["fax"], languages: [] };
    const queued = await refusal(start("campaigns.create", bad));
    const inline = await refusal(createCampaigns({ prisma: prisma(), ai: engine, shop, actor }, bad));
    expect(queued.fields).toEqual(inline.fields);
    expect(Object.keys(queued.fields).sort()).toEqual(["channels", "languages", "name", "productIds"]);
    // Needs of the template, unknown products and another shop's persona are refused too.
    const needs = await refusal(
      start("campaigns.create", {
        name: "Flash",
        productIds: productIds.slice(0, 1),
        channels: ["sms"],
        languages: ["en"],
        template: "flash_sale",
      }),
    );
    expect(needs.fields["offer.code"]?.key).toBe("marketing.error.offerNeeded");
    const missing = await refusal(
      start("campaigns.create", {
        name: "X",
        productIds: ["999999999"],
        channels: ["sms"],
        languages: ["en"],
      }),
    );
    expect(missing.fields.productIds?.key).toBe("marketing.error.productMissing");
    expect(await jobs()).toBe(before);
    expect(await h.ctx.queues.ai.stats()).toMatchObject({ waiting: 0, active: 0 });
  });

  it("generates personas on the queue: result stored, audit event with the actor and request id", async () => {
    const { jobId } = await start("personas.generate", { language: "en" });
    const queued = await loadMarketingJob(prisma(), shop, jobId);
    expect(queued).toMatchObject({ id: jobId, kind: "personas.generate", error: null });
    expect(["queued", "running", "succeeded"]).toContain(queued?.status);
    await h.ctx.queues.ai.idle(60_000);

    const count = await prisma().persona.count({ where: { shop } });
    expect(count).toBeGreaterThanOrEqual(3);
    const view = await loadMarketingJob(prisma(), shop, jobId);
    expect(view).toMatchObject({ status: "succeeded", error: null, result: { personas: count } });
    expect(await prisma().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      done: 1,
      total: 1,
      createdBy: "staff:test",
    });
    expect(await latestPersonasJob(prisma(), shop)).toMatchObject({ id: jobId, status: "succeeded" });
    const [event] = await prisma().auditEvent.findMany({ where: { shop, action: "persona.generated" } });
    expect(event).toMatchObject({ actorType: "staff", actorId: "test", requestId: "req-jobs" });
    expect(await audits("persona.generated")).toBe(1);
  });

  it("translates personas and writes campaigns on the queue", async () => {
    const groups = await prisma().persona.count({ where: { shop, language: "en" } });
    const translate = await start("personas.translate", { language: "fr" });
    await h.ctx.queues.ai.idle(60_000);
    expect(await loadMarketingJob(prisma(), shop, translate.jobId)).toMatchObject({
      kind: "personas.translate",
      status: "succeeded",
      result: { personas: groups },
    });
    expect(await prisma().persona.count({ where: { shop, language: "fr" } })).toBe(groups);
    expect(await latestPersonasJob(prisma(), shop)).toMatchObject({ id: translate.jobId });

    const persona = await prisma().persona.findFirstOrThrow({ where: { shop, language: "en" } });
    const campaign = await start("campaigns.create", {
      name: "Autumn",
      personaId: persona.id,
      productIds: productIds.slice(0, 2),
      channels: ["email", "sms"],
      languages: ["en", "fr"],
    });
    await h.ctx.queues.ai.idle(60_000);
    const view = await loadMarketingJob(prisma(), shop, campaign.jobId);
    expect(view?.status).toBe("succeeded");
    const ids = view?.result?.campaignIds ?? [];
    expect(ids).toHaveLength(2);
    const rows = await prisma().campaign.findMany({ where: { shop, id: { in: ids } } });
    expect(rows.map((r) => r.channel).sort()).toEqual(["email", "sms"]);
    for (const r of rows) expect(r).toMatchObject({ name: "Autumn", personaId: persona.id });
    expect(await audits("campaign.created")).toBe(2);
  });

  it("never shows or runs a job for another shop", async () => {
    const { jobId } = await start("personas.translate", { language: "de" });
    // Before the queue gets to it (or after): another shop sees nothing and runs nothing.
    expect(await loadMarketingJob(prisma(), OTHER, jobId)).toBeNull();
    expect(await loadMarketingJob(prisma(), shop, "not a job id")).toBeNull();
    expect(await latestPersonasJob(prisma(), OTHER)).toBeNull();
    await h.ctx.queues.ai.idle(60_000);
    const other = await prisma().job.create({
      data: { shop, kind: "personas.generate", total: 1, input: { params: { language: "en" } } },
    });
    await runMarketingJob(runDeps(), { shop: OTHER, jobId: other.id });
    expect(await prisma().job.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "queued",
      startedAt: null,
    });
    // A bulk-fix job is not a marketing job.
    const fix = await prisma().job.create({ data: { shop, kind: "bulk_fix", input: { productIds: [] } } });
    expect(await loadMarketingJob(prisma(), shop, fix.id)).toBeNull();
    await prisma().job.deleteMany({ where: { id: { in: [other.id, fix.id] } } });
  });

  it("does not run a succeeded job twice", async () => {
    const done = await prisma().job.findFirstOrThrow({
      where: { shop, kind: "personas.generate", status: "succeeded" },
    });
    const personas = await prisma().persona.findMany({ where: { shop }, select: { id: true } });
    const events = await audits("persona.generated");
    await runMarketingJob(runDeps(), { shop, jobId: done.id }, 1);
    expect(await prisma().persona.findMany({ where: { shop }, select: { id: true } })).toEqual(personas);
    expect(await audits("persona.generated")).toBe(events);
    expect(await prisma().job.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({
      status: "succeeded",
      finishedAt: done.finishedAt,
    });

    // A job another worker is running (its message delivered twice) is left to that worker.
    const busy = await prisma().job.create({
      data: {
        shop,
        kind: "personas.generate",
        status: "running",
        total: 1,
        input: { params: { language: "en" } },
      },
    });
    await runMarketingJob(runDeps(), { shop, jobId: busy.id }, 1);
    expect(await prisma().persona.findMany({ where: { shop }, select: { id: true } })).toEqual(personas);
    expect(await audits("persona.generated")).toBe(events);
    // Still running a quarter of an hour later: its worker is gone, and the page says it failed.
    expect(await loadMarketingJob(prisma(), shop, busy.id)).toMatchObject({ status: "running" });
    await prisma().job.update({
      where: { id: busy.id },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    expect(await loadMarketingJob(prisma(), shop, busy.id)).toMatchObject({
      status: "failed",
      error: "marketing.job.failed",
    });
    await prisma().job.delete({ where: { id: busy.id } });
  });

  it("retries on a provider outage, then fails with a translated message after the last attempt", async () => {
    const server = await startOpenAIEmulator({ port: 0, fault: { type: "status", status: 503 } });
    const offline = engine;
    try {
      engine = createAI({
        openai: { apiKey: "test", baseURL: server.baseURL },
        offline: false,
        cache: createMemoryCache(),
        retry: { maxRetries: 0, baseDelayMs: 0 },
        // The breaker would answer the later attempts itself: keep every attempt at the provider.
        breaker: { failureThreshold: 100, cooldownMs: 0 },
      });
      const personas = await prisma().persona.findMany({ where: { shop }, orderBy: { id: "asc" } });
      engineCalls = 0;
      const { jobId } = await start("personas.generate", { language: "en" });
      await h.ctx.queues.ai.idle(60_000);
      expect(engineCalls).toBe(MARKETING_JOB_ATTEMPTS);
      expect(await loadMarketingJob(prisma(), shop, jobId)).toMatchObject({
        status: "failed",
        error: "marketing.error.aiUnavailable",
        result: null,
      });
      // Nothing was replaced.
      expect(await prisma().persona.findMany({ where: { shop }, orderBy: { id: "asc" } })).toEqual(personas);

      // Healed: the same request goes through (written by the provider now).
      server.setFault(undefined);
      const again = await start("personas.generate", { language: "en" });
      await h.ctx.queues.ai.idle(60_000);
      expect(await loadMarketingJob(prisma(), shop, again.jobId)).toMatchObject({ status: "succeeded" });
      expect(
        (await prisma().persona.findMany({ where: { shop } })).every((p) => p.generatedBy === "openai"),
      ).toBe(true);

      // Out of credits is not retried: one attempt, failed with the quota message.
      engine = createAI({
        openai: { apiKey: "test", baseURL: server.baseURL },
        offline: false,
        cache: createMemoryCache(),
        quota: { creditsPerShop: 0 },
      });
      engineCalls = 0;
      const broke = await start("campaigns.create", {
        name: "Broke",
        productIds: productIds.slice(0, 1),
        channels: ["sms"],
        languages: ["en"],
      });
      await h.ctx.queues.ai.idle(60_000);
      expect(engineCalls).toBe(1);
      expect(await loadMarketingJob(prisma(), shop, broke.jobId)).toMatchObject({
        status: "failed",
        error: "marketing.error.quota",
      });
    } finally {
      engine = offline;
      await server.close();
    }
  }, 90_000);
});
