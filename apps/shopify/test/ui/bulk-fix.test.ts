// Bulk "Fix with AI" against real PostgreSQL and the store emulator over HTTP: the ai queue runs
// the job (offline AI: no provider key), the review writes live to the emulator.
import { createMemoryCache } from "@ninjalead/core/cache";
import type { AIEngine } from "@ninjalead/core/ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyFix,
  cancelBulkFix,
  loadFixJob,
  rejectFix,
  reviewAction,
  runBulkFix,
  startBulkFix,
  undoFix,
  BULK_FIX_MAX,
} from "../../app/admin/bulk-fix.server.js";
import { createShopAI } from "../../app/ai.server.js";
import { useJobAI } from "../../app/jobs/ai-worker.server.js";
import { createTokenCipher } from "../../app/security/token-cipher.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const actor = { type: "staff" as const, id: "test" };

function idsForm(ids: string[]): FormData {
  const form = new FormData();
  for (const id of ids) form.append("ids[]", id);
  return form;
}

describe("bulk Fix with AI", () => {
  let h: Harness;
  let shop: string;
  let ids: string[];
  // A product whose first image has a file name for alt text (the fix proposes a real one).
  let pictured: { productId: bigint; mediaId: bigint };
  let shopAI: (shop: string) => Promise<AIEngine>;
  // Each AI call waits this long (the cancel test needs a job that takes a while).
  let delayMs = 0;
  const prisma = () => h.t.db.prisma;
  const storeSeo = async (id: string) =>
    (
      await h.ctx
        .admin(shop)
        .request<{ product: { seo: { title: string | null; description: string | null } } }>(
          `query ($id: ID!) { product(id: $id) { seo { title description } } }`,
          { id: `gid://shopify/Product/${id}` },
        )
    ).product.seo;
  const waitFor = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    h = await startHarness({
      db: "postgres",
      emulator: { generate: { seed: 11, products: 30, customers: 5, orders: 5 } },
    });
    await h.install();
    await h.settle();
    shop = h.emulator.shop;
    shopAI = createShopAI({
      prisma: prisma(),
      cache: createMemoryCache(),
      logger: h.logger,
      cipher: createTokenCipher(h.ctx.config.encryptionKey),
      env: {},
    });
    useJobAI(h.ctx, async (s) => {
      const engine = await shopAI(s);
      if (delayMs === 0) return engine;
      const slow: AIEngine = Object.create(engine) as AIEngine;
      slow.run = (async (...args: Parameters<AIEngine["run"]>) => {
        await new Promise((r) => setTimeout(r, delayMs));
        return engine.run(...args);
      }) as AIEngine["run"];
      return slow;
    });
    const products = await prisma().product.findMany({ where: { shop }, orderBy: { id: "asc" }, take: 20 });
    ids = products.map((p) => p.id.toString());
    // The first product gets a weak SEO title in the store.
    await h.ctx
      .admin(shop)
      .request(
        `mutation ($product: ProductUpdateInput!) { productUpdate(product: $product) { userErrors { message } } }`,
        { product: { id: `gid://shopify/Product/${ids[0]}`, seo: { title: "Tee", description: "" } } },
      );
    await h.settle();
    // Webhook payloads carry no SEO fields (the bulk sync reads them): the mirror as a sync leaves it.
    await prisma().product.update({
      where: { shop_id: { shop, id: BigInt(ids[0] ?? "0") } },
      data: { seoTitle: "Tee", seoDescription: null, syncedAt: new Date() },
    });
    const media = await prisma().media.findFirstOrThrow({
      where: { shop, productId: { in: ids.slice(1).map((id) => BigInt(id)) } },
      orderBy: [{ productId: "asc" }, { position: "asc" }],
    });
    pictured = { productId: media.productId, mediaId: media.id };
    await h.ctx
      .admin(shop)
      .request(
        `mutation ($files: [FileUpdateInput!]!) { fileUpdate(files: $files) { userErrors { message } } }`,
        { files: [{ id: `gid://shopify/MediaImage/${media.id}`, alt: "IMG_0001.jpg" }] },
      );
    await h.settle();
    expect((await prisma().media.findUniqueOrThrow({ where: { shop_id: { shop, id: media.id } } })).alt).toBe(
      "IMG_0001.jpg",
    );
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it("refuses bad selections inline and starts nothing", async () => {
    const refuse = async (form: FormData) =>
      startBulkFix({ prisma: prisma(), queue: h.ctx.queues.ai, shop, actor, form });
    expect(await refuse(idsForm([]))).toMatchObject({
      ok: false,
      errors: { ids: { key: "fixes.errorSelection" } },
    });
    expect(await refuse(idsForm(["abc"]))).toMatchObject({
      ok: false,
      errors: { ids: { key: "fixes.errorSelection" } },
    });
    expect(await refuse(idsForm(["1"]))).toMatchObject({
      ok: false,
      errors: { ids: { key: "fixes.errorSelection" } },
    });
    const tooMany = Array.from({ length: BULK_FIX_MAX + 1 }, (_, i) => String(i + 1));
    expect(await refuse(idsForm(tooMany))).toMatchObject({
      ok: false,
      errors: { ids: { key: "fixes.errorTooMany" } },
    });
    // "All matching" with filters nothing matches.
    const none = new FormData();
    none.set("scope", "all");
    none.set("q", "no product is called this");
    expect(await refuse(none)).toMatchObject({ ok: false, errors: { ids: { key: "fixes.errorSelection" } } });
    expect(await prisma().job.count({ where: { shop } })).toBe(0);
  });

  it("fixes 20 products to 100 %, with progress recorded as it goes", async () => {
    const started = await startBulkFix({
      prisma: prisma(),
      queue: h.ctx.queues.ai,
      shop,
      actor,
      form: idsForm(ids),
    });
    if (!started.ok) throw new Error("not started");
    await h.ctx.queues.ai.idle(60_000);
    const job = await loadFixJob(prisma(), shop, started.jobId);
    expect(job).toMatchObject({ status: "succeeded", total: 20, progress: 100 });
    expect((job?.done ?? 0) + (job?.failed ?? 0)).toBe(20);
    expect(job?.fixes).toHaveLength(20);
    expect(new Set(job?.fixes.map((f) => f.productId))).toEqual(new Set(ids));
    // Without a provider key the texts are written offline, and say so.
    expect(job?.fixes.every((f) => f.provider === "offline" || f.status === "failed")).toBe(true);
    const weak = job?.fixes.find((f) => f.productId === ids[0]);
    expect(weak?.status).toBe("proposed");
    expect(weak?.rows.find((r) => r.field === "seoTitle")).toMatchObject({ before: "Tee" });
    expect(await prisma().auditEvent.count({ where: { shop, action: "product.bulk_fix_started" } })).toBe(1);
  });

  it("is idempotent: a rerun or a resumed run adds no second fix for a product", async () => {
    const started = await startBulkFix({
      prisma: prisma(),
      queue: h.ctx.queues.ai,
      shop,
      actor,
      form: idsForm(ids.slice(0, 5)),
    });
    if (!started.ok) throw new Error("not started");
    await h.ctx.queues.ai.idle(60_000);
    // As if the worker had crashed after two products: the job is still running, retried.
    const kept = await prisma().productFix.findMany({
      where: { jobId: started.jobId },
      orderBy: { createdAt: "asc" },
    });
    await prisma().productFix.deleteMany({ where: { id: { in: kept.slice(2).map((f) => f.id) } } });
    await prisma().job.update({
      where: { id: started.jobId },
      data: { status: "running", done: 2, failed: 0 },
    });
    const deps = { prisma: prisma(), ai: shopAI, logger: h.logger };
    await runBulkFix(deps, { shop, jobId: started.jobId }, 2);
    await runBulkFix(deps, { shop, jobId: started.jobId }, 3);
    const fixes = await prisma().productFix.findMany({ where: { jobId: started.jobId } });
    expect(fixes).toHaveLength(5);
    expect(new Set(fixes.map((f) => f.productId.toString())).size).toBe(5);
    expect(await prisma().job.findUnique({ where: { id: started.jobId } })).toMatchObject({
      status: "succeeded",
      done: 5,
    });
    // A job id of another shop runs nothing.
    await runBulkFix(deps, { shop: "other.myshopify.com", jobId: started.jobId });
    expect(await prisma().productFix.count({ where: { jobId: started.jobId } })).toBe(5);

    // Two workers on the same job at once (a redelivered message): still one fix per product,
    // and the progress counts each product once.
    await prisma().productFix.deleteMany({ where: { jobId: started.jobId } });
    await prisma().job.update({
      where: { id: started.jobId },
      data: { status: "running", done: 0, failed: 0 },
    });
    await Promise.all([
      runBulkFix(deps, { shop, jobId: started.jobId }, 2),
      runBulkFix(deps, { shop, jobId: started.jobId }, 2),
    ]);
    const raced = await prisma().productFix.findMany({ where: { jobId: started.jobId } });
    expect(raced).toHaveLength(5);
    expect(new Set(raced.map((f) => f.productId.toString())).size).toBe(5);
    expect(await prisma().job.findUnique({ where: { id: started.jobId } })).toMatchObject({ done: 5 });
  });

  it("stops between products when cancelled midway", async () => {
    delayMs = 150;
    try {
      const started = await startBulkFix({
        prisma: prisma(),
        queue: h.ctx.queues.ai,
        shop,
        actor,
        form: idsForm(ids),
      });
      if (!started.ok) throw new Error("not started");
      await waitFor(async () => (await prisma().productFix.count({ where: { jobId: started.jobId } })) >= 2);
      await cancelBulkFix({ prisma: prisma(), shop, jobId: started.jobId, actor });
      await h.ctx.queues.ai.idle(60_000);
      const job = await prisma().job.findUniqueOrThrow({ where: { id: started.jobId } });
      expect(job.status).toBe("cancelled");
      expect(job.cancelRequested).toBe(true);
      expect(job.done + job.failed).toBeLessThan(10);
      expect(await prisma().productFix.count({ where: { jobId: started.jobId } })).toBe(
        job.done + job.failed,
      );
      // Another shop cannot cancel (or see) it.
      await expect(
        cancelBulkFix({ prisma: prisma(), shop: "other.myshopify.com", jobId: started.jobId, actor }),
      ).rejects.toMatchObject({ status: 404 });
    } finally {
      delayMs = 0;
    }
  });

  it("applies a fix live to the store, and undo writes the previous values back", async () => {
    const fix = await prisma().productFix.findFirstOrThrow({
      where: { shop, productId: BigInt(ids[0] ?? "0"), status: "proposed" },
      orderBy: { createdAt: "asc" },
    });
    const after = fix.after as { seoTitle?: string; seoDescription?: string };
    expect(after.seoTitle).toBeTruthy();
    const admin = h.ctx.admin(shop);
    expect(await applyFix({ prisma: prisma(), admin, shop, actor }, fix.id)).toEqual({ ok: true });

    const live = await storeSeo(ids[0] ?? "");
    expect(live.title).toBe(after.seoTitle);
    if (after.seoDescription) expect(live.description).toBe(after.seoDescription);
    const mirrored = await prisma().product.findUniqueOrThrow({
      where: { shop_id: { shop, id: fix.productId } },
    });
    expect(mirrored.seoTitle).toBe(after.seoTitle);
    expect(await prisma().productFix.findUnique({ where: { id: fix.id } })).toMatchObject({
      status: "applied",
    });
    // Applying twice is refused (stale), nothing written again.
    expect(await applyFix({ prisma: prisma(), admin, shop, actor }, fix.id)).toEqual({
      ok: false,
      stale: true,
    });

    expect(await undoFix({ prisma: prisma(), admin, shop, actor }, fix.id)).toEqual({ ok: true });
    const restored = await storeSeo(ids[0] ?? "");
    expect(restored.title).toBe("Tee");
    expect(restored.description ?? "").toBe("");
    expect(
      (await prisma().product.findUniqueOrThrow({ where: { shop_id: { shop, id: fix.productId } } }))
        .seoTitle,
    ).toBe("Tee");
    const actions = (
      await prisma().auditEvent.findMany({ where: { shop, targetId: ids[0] }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["product.fix_applied", "product.fix_undone"]));
  });

  it("fixes image alt texts too: live through fileUpdate, shown per image, undone back", async () => {
    const storeAlt = async () =>
      (
        await h.ctx
          .admin(shop)
          .request<{ node: { alt: string | null } | null }>(
            `query ($id: ID!) { node(id: $id) { ... on MediaImage { alt } } }`,
            { id: `gid://shopify/MediaImage/${pictured.mediaId}` },
          )
      ).node?.alt;
    const fix = await prisma().productFix.findFirstOrThrow({
      where: { shop, productId: pictured.productId, status: "proposed" },
      orderBy: { createdAt: "asc" },
    });
    const after = fix.after as { altTexts?: { mediaId: string; image: number; alt: string }[] };
    const proposed = after.altTexts?.find((a) => a.mediaId === pictured.mediaId.toString());
    expect(proposed?.alt).toBeTruthy();
    expect(proposed?.alt).not.toMatch(/IMG_0001/);
    const view = await loadFixJob(prisma(), shop, fix.jobId ?? "");
    expect(view?.fixes.find((f) => f.id === fix.id)?.rows).toContainEqual({
      key: `alt:${pictured.mediaId}`,
      field: "imageAlt",
      image: proposed?.image,
      before: "IMG_0001.jpg",
      after: proposed?.alt,
    });

    const deps = { prisma: prisma(), admin: h.ctx.admin(shop), shop, actor };
    expect(await applyFix(deps, fix.id)).toEqual({ ok: true });
    expect(await storeAlt()).toBe(proposed?.alt);
    const mirrored = () =>
      prisma().media.findUniqueOrThrow({ where: { shop_id: { shop, id: pictured.mediaId } } });
    expect((await mirrored()).alt).toBe(proposed?.alt);

    expect(await undoFix(deps, fix.id)).toEqual({ ok: true });
    expect(await storeAlt()).toBe("IMG_0001.jpg");
    expect((await mirrored()).alt).toBe("IMG_0001.jpg");
  });

  it("approves all, rejects, and never finds another shop's fix", async () => {
    const job = await prisma().job.findFirstOrThrow({ where: { shop, status: "succeeded", total: 20 } });
    const deps = { prisma: prisma(), admin: h.ctx.admin(shop), shop, actor };
    const proposed = await prisma().productFix.findMany({ where: { jobId: job.id, status: "proposed" } });
    const withChanges = proposed.filter((f) => Object.keys(f.after as object).length > 0);
    const toReject = withChanges.find((f) => f.productId.toString() !== ids[0]);
    if (toReject) expect(await rejectFix(deps, toReject.id)).toEqual({ ok: true });

    const form = new FormData();
    form.set("intent", "applyAll");
    const all = await reviewAction(deps, job.id, form);
    expect(all).toMatchObject({ ok: true, applied: withChanges.length - (toReject ? 1 : 0) });
    if (toReject)
      expect(await prisma().productFix.findUnique({ where: { id: toReject.id } })).toMatchObject({
        status: "rejected",
      });

    const other = { ...deps, shop: "other.myshopify.com" };
    const anyFix = withChanges[0];
    if (!anyFix) throw new Error("no fix with changes");
    await expect(applyFix(other, anyFix.id)).rejects.toMatchObject({ status: 404 });
    await expect(undoFix(other, anyFix.id)).rejects.toMatchObject({ status: 404 });
    expect(await loadFixJob(prisma(), "other.myshopify.com", job.id)).toBeNull();
    const undo = new FormData();
    undo.set("intent", "undo");
    undo.set("fixId", anyFix.id);
    await expect(reviewAction(other, job.id, undo)).rejects.toMatchObject({ status: 404 });

    const bad = new FormData();
    bad.set("intent", "explode");
    expect(await reviewAction(deps, job.id, bad)).toMatchObject({
      ok: false,
      error: { key: "fixes.errorRequest" },
    });
  });

  it("fixes every product matching the page's filters when 'all' is selected", async () => {
    const draft = await prisma().product.findMany({ where: { shop, status: "DRAFT" }, select: { id: true } });
    const form = new FormData();
    form.set("scope", "all");
    form.set("status", draft.length > 0 ? "DRAFT" : "ACTIVE");
    form.set("rating", "not-a-rating"); // malformed filters are dropped, as on the page
    const expected =
      draft.length > 0 ? draft : await prisma().product.findMany({ where: { shop, status: "ACTIVE" } });
    const started = await startBulkFix({ prisma: prisma(), queue: h.ctx.queues.ai, shop, actor, form });
    if (!started.ok) throw new Error("not started");
    const job = await prisma().job.findUniqueOrThrow({ where: { id: started.jobId } });
    expect(job.total).toBe(expected.length);
    expect(new Set((job.input as { productIds: string[] }).productIds)).toEqual(
      new Set(expected.map((p) => p.id.toString())),
    );
    await h.ctx.queues.ai.idle(60_000);
  });
});
