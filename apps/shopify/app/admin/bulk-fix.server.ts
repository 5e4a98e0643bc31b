import type { Prisma, PrismaClient, ProductFix } from "@prisma/client";
import type { Logger } from "@ninjalead/core";
import { isNinjaLeadError } from "@ninjalead/core";
import type { AIEngine } from "@ninjalead/core/ai";
import { suggestFixes } from "@ninjalead/core/seo";
import { z } from "zod";
import { toSeoInput, withParts } from "../catalog/products.server.js";
import type { WorkbenchMessageKey } from "../i18n/workbench-messages.js";
import { aiQueueJobId, type AiJob } from "../jobs/ai-jobs.server.js";
import type { JobQueue } from "../jobs/queue.server.js";
import type { AdminClient } from "../shopify/admin-client.server.js";
import { PRODUCT_UPDATE } from "../shopify/graphql/products.js";
import { writeAltTexts } from "../shopify/media-alt.server.js";
import { recordAudit, type Actor } from "../trust/audit.server.js";
import { matchingProductIds, parseProductQuery } from "./products.server.js";
import { auditSynced } from "./seo-scores.server.js";

/**
 * Bulk "Fix with AI": a Job row (kind bulk_fix) run on the ai queue proposes, per product, new SEO
 * fields (core suggestFixes, verified, offline fallback) as a ProductFix with the values before and
 * after. Nothing reaches the store until the merchant approves a fix; approval writes it live
 * (productUpdate), then the mirror and the audit trail; undo writes the previous values back.
 *
 * The run is idempotent (a product that already has a fix in the job is skipped, and a fix and its
 * progress count commit together), checks for cancellation between products, and survives a page
 * reload because its state lives in the database, not in the request.
 */

export const BULK_FIX_KIND = "bulk_fix";
/** A page of the products table is 25; a selection is bounded so one job stays reviewable. */
export const BULK_FIX_MAX = 250;
/** Queue attempts: a provider outage retries the job (done products are skipped). */
export const BULK_FIX_ATTEMPTS = 3;

/** The SEO fields a fix may change through productUpdate; image alt texts go through fileUpdate. */
export const FIX_FIELDS = ["seoTitle", "seoDescription"] as const;
export type FixField = (typeof FIX_FIELDS)[number];
/** One image's alt text: the media id, its 1-based place among the product's media, the text. */
// A type, not an interface: Prisma's JSON input needs the implicit index signature.
export type AltText = {
  mediaId: string;
  image: number;
  alt: string;
  /** The media's file type (MediaImage, Video…), for its file id; absent means MediaImage. */
  mediaType?: string;
};
export type FixValues = Partial<Record<FixField, string | null>> & { altTexts?: AltText[] };

const jobInputSchema = z.object({ productIds: z.array(z.string().regex(/^\d{1,20}$/)).min(1) });

export interface FieldError {
  key: WorkbenchMessageKey;
  params?: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// Starting and cancelling

const startForm = z.object({
  "ids[]": z
    .array(z.string().regex(/^\d{1,20}$/, { message: "fixes.errorSelection" }))
    .min(1, { message: "fixes.errorSelection" })
    .max(BULK_FIX_MAX, { message: "fixes.errorTooMany" })
    .transform((ids) => [...new Set(ids)]),
});

export type StartResult = { ok: true; jobId: string } | { ok: false; errors: { ids: FieldError } };

/** The selection to fix: the ids sent, or with `scope=all` every product matching the filters sent. */
async function selectedIds(
  prisma: PrismaClient,
  shop: string,
  form: FormData,
): Promise<{ ok: true; ids: string[] } | { ok: false; error: FieldError }> {
  if (form.get("scope") === "all") {
    // The products page's own filters (malformed ones dropped, as on the page itself).
    const filters = new URL("http://filters/");
    for (const key of ["q", "rating", "issue", "status"]) {
      const value = form.get(key);
      if (typeof value === "string" && value !== "") filters.searchParams.set(key, value);
    }
    const ids = await matchingProductIds(prisma, shop, parseProductQuery(filters), BULK_FIX_MAX);
    if (ids.length === 0) return { ok: false, error: { key: "fixes.errorSelection" } };
    if (ids.length > BULK_FIX_MAX)
      return { ok: false, error: { key: "fixes.errorTooManyMatching", params: { max: BULK_FIX_MAX } } };
    return { ok: true, ids };
  }
  const parsed = startForm.safeParse({ "ids[]": form.getAll("ids[]").filter((v) => typeof v === "string") });
  if (!parsed.success) {
    const key = (parsed.error.issues[0]?.message ?? "fixes.errorSelection") as WorkbenchMessageKey;
    return { ok: false, error: { key, params: { max: BULK_FIX_MAX } } };
  }
  const ids = parsed.data["ids[]"];
  const known = await prisma.product.count({ where: { shop, id: { in: ids.map((id) => BigInt(id)) } } });
  if (known !== ids.length) return { ok: false, error: { key: "fixes.errorSelection" } };
  return { ok: true, ids };
}

/**
 * Starts a bulk fix of the selected products (ids of the shop's mirror; unknown ids are refused):
 * a Job row, its audit event, then the queued run (by the job's id, so a retry never queues twice).
 */
export async function startBulkFix(options: {
  prisma: PrismaClient;
  queue: JobQueue<AiJob>;
  shop: string;
  actor: Actor;
  form: FormData;
  requestId?: string;
}): Promise<StartResult> {
  const { prisma, shop } = options;
  const selection = await selectedIds(prisma, shop, options.form);
  if (!selection.ok) return { ok: false, errors: { ids: selection.error } };
  const { ids } = selection;

  const job = await prisma.$transaction(async (tx) => {
    const created = await tx.job.create({
      data: {
        shop,
        kind: BULK_FIX_KIND,
        total: ids.length,
        input: { productIds: ids },
        createdBy: `${options.actor.type}:${options.actor.id}`,
      },
    });
    await recordAudit(tx, {
      shop,
      actor: options.actor,
      action: "product.bulk_fix_started",
      target: { type: "job", id: created.id },
      summary: { products: ids.length },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    return created;
  });
  await options.queue.add(
    "bulk-fix",
    { kind: "bulk-fix", shop, jobId: job.id },
    { jobId: aiQueueJobId(job.id), attempts: BULK_FIX_ATTEMPTS },
  );
  return { ok: true, jobId: job.id };
}

/** Asks a running job to stop after the product in hand; a job still queued stops at once. */
export async function cancelBulkFix(options: {
  prisma: PrismaClient;
  shop: string;
  jobId: string;
  actor: Actor;
}): Promise<void> {
  const { prisma, shop, jobId } = options;
  await prisma.$transaction(async (tx) => {
    const job = await tx.job.findFirst({ where: { id: jobId, shop, kind: BULK_FIX_KIND } });
    if (!job) throw new Response(null, { status: 404 });
    if (job.status !== "queued" && job.status !== "running") return;
    await tx.job.update({
      where: { id: job.id },
      data:
        job.status === "queued"
          ? { cancelRequested: true, status: "cancelled", finishedAt: new Date() }
          : { cancelRequested: true },
    });
    await recordAudit(tx, {
      shop,
      actor: options.actor,
      action: "product.bulk_fix_cancelled",
      target: { type: "job", id: job.id },
      summary: { done: job.done, failed: job.failed, total: job.total },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The run (the ai queue's handler)

export interface BulkFixRunDeps {
  prisma: PrismaClient;
  ai: (shop: string) => Promise<AIEngine>;
  logger: Logger;
}

const isTerminal = (status: string) =>
  status === "succeeded" || status === "failed" || status === "cancelled";

/**
 * Runs (or resumes) a bulk fix job: for each product without a fix yet, proposes one. A provider
 * outage (retryable) ends this attempt and the queue retries; on the last attempt, or for any other
 * error, the product is recorded as failed and the run goes on. Out of credits ends the job.
 */
export async function runBulkFix(
  deps: BulkFixRunDeps,
  job: { shop: string; jobId: string },
  attempt = 1,
): Promise<void> {
  const { prisma, logger } = deps;
  const { shop, jobId } = job;
  const row = await prisma.job.findFirst({ where: { id: jobId, shop, kind: BULK_FIX_KIND } });
  if (!row || isTerminal(row.status)) return;
  const input = jobInputSchema.safeParse(row.input);
  if (!input.success) {
    await finish(prisma, jobId, "failed", "invalid job input");
    return;
  }
  await prisma.job.update({
    where: { id: jobId },
    data: { status: "running", startedAt: row.startedAt ?? new Date() },
  });
  const shopRow = await prisma.shop.findUnique({ where: { domain: shop }, select: { primaryLocale: true } });
  const language = shopRow?.primaryLocale ?? "en";
  const ai = await deps.ai(shop);
  const done = new Set(
    (await prisma.productFix.findMany({ where: { shop, jobId }, select: { productId: true } })).map((f) =>
      f.productId.toString(),
    ),
  );

  for (const id of input.data.productIds) {
    if (done.has(id)) continue;
    const current = await prisma.job.findUnique({ where: { id: jobId }, select: { cancelRequested: true } });
    if (current?.cancelRequested) {
      await finish(prisma, jobId, "cancelled");
      return;
    }
    let proposal: Proposal;
    try {
      proposal = await propose(prisma, ai, shop, BigInt(id), language);
    } catch (error) {
      if (isNinjaLeadError(error) && error.code === "quota_exceeded") {
        await finish(prisma, jobId, "failed", "quota_exceeded");
        return;
      }
      if (isNinjaLeadError(error) && error.retryable && attempt < BULK_FIX_ATTEMPTS) throw error;
      logger.warn("bulk fix: product failed", { shop, jobId, productId: id, error: String(error) });
      proposal = { failed: true, error: isNinjaLeadError(error) ? error.code : "internal" };
    }
    // A second worker on the same job (a redelivered queue message) may have got here first: the
    // unique (jobId, productId) index keeps one proposal, and only the insert that won counts.
    await prisma.$transaction(async (tx) => {
      const created = await tx.productFix.createMany({
        data: [
          {
            shop,
            jobId,
            productId: BigInt(id),
            before: proposal.failed ? {} : proposal.before,
            after: proposal.failed ? {} : proposal.after,
            status: proposal.failed ? "failed" : "proposed",
            error: proposal.failed ? proposal.error : null,
            generatedBy: proposal.failed ? "none" : proposal.provider,
          },
        ],
        skipDuplicates: true,
      });
      if (created.count === 0) return;
      await tx.job.update({
        where: { id: jobId },
        data: proposal.failed ? { failed: { increment: 1 } } : { done: { increment: 1 } },
      });
    });
    done.add(id);
  }
  await finish(prisma, jobId, "succeeded");
}

type Proposal =
  { failed: false; before: FixValues; after: FixValues; provider: string } | { failed: true; error: string };

async function propose(
  prisma: PrismaClient,
  ai: AIEngine,
  shop: string,
  productId: bigint,
  language: string,
): Promise<Proposal> {
  const product = await prisma.product.findUnique({ where: { shop_id: { shop, id: productId } } });
  if (!product) return { failed: true, error: "not_found" };
  const [parts] = await withParts(prisma, shop, [product]);
  if (!parts) return { failed: true, error: "not_found" };
  const audit = auditSynced(parts, language, shop);
  const fixes = await suggestFixes(toSeoInput(parts, audit.language, shop), audit, {
    ai,
    language: audit.language,
    shopId: shop,
  });
  const before: FixValues = {};
  const after: FixValues = {};
  for (const change of fixes.changes) {
    if (change.field === "seoTitle") {
      before.seoTitle = product.seoTitle;
      after.seoTitle = change.after;
    } else if (change.field === "metaDescription") {
      before.seoDescription = product.seoDescription;
      after.seoDescription = change.after;
    } else {
      // `images.<index>.alt`: the index is the media's place in the audit's input (by position).
      const index = /^images\.(\d+)\.alt$/.exec(change.field)?.[1];
      const media = index === undefined ? undefined : parts.media[Number(index)];
      if (!media) continue;
      const image = Number(index) + 1;
      const ref = {
        mediaId: media.id.toString(),
        image,
        ...(media.mediaType ? { mediaType: media.mediaType } : {}),
      };
      (before.altTexts ??= []).push({ ...ref, alt: media.alt ?? "" });
      (after.altTexts ??= []).push({ ...ref, alt: change.after });
    }
  }
  return { failed: false, before, after, provider: fixes.provider };
}

async function finish(
  prisma: PrismaClient,
  jobId: string,
  status: "succeeded" | "failed" | "cancelled",
  error?: string,
): Promise<void> {
  await prisma.job.update({
    where: { id: jobId },
    data: { status, finishedAt: new Date(), ...(error ? { error } : {}) },
  });
}

// ---------------------------------------------------------------------------------------------
// Review: approve (apply live), reject, undo

const fixValuesSchema = z
  .object({
    seoTitle: z.string().nullable().optional(),
    seoDescription: z.string().nullable().optional(),
    altTexts: z
      .array(
        z.object({
          mediaId: z.string().regex(/^\d{1,20}$/),
          image: z.number().int().min(1),
          alt: z.string(),
          mediaType: z.enum(["MediaImage", "Video", "ExternalVideo", "Model3d"]).optional(),
        }),
      )
      .optional(),
  })
  .strip();

function values(json: Prisma.JsonValue): FixValues {
  const parsed = fixValuesSchema.safeParse(json);
  if (!parsed.success) return {};
  const out: FixValues = {};
  for (const field of FIX_FIELDS) if (parsed.data[field] !== undefined) out[field] = parsed.data[field];
  if (parsed.data.altTexts && parsed.data.altTexts.length > 0) out.altTexts = parsed.data.altTexts;
  return out;
}

export type ReviewResult = { ok: true } | { ok: false; storeErrors: string[] } | { ok: false; stale: true };

export interface ReviewDeps {
  prisma: PrismaClient;
  admin: AdminClient;
  shop: string;
  actor: Actor;
  requestId?: string;
}

/** The shop's fix, or a 404 (another shop's id is never found). */
async function fixOf(prisma: PrismaClient, shop: string, fixId: string): Promise<ProductFix> {
  const fix = await prisma.productFix.findFirst({ where: { id: fixId, shop } });
  if (!fix) throw new Response(null, { status: 404 });
  return fix;
}

/**
 * Writes a fix's values to the store; Shopify's userErrors come back verbatim (Shopify words them).
 * Alt texts first, then the SEO fields; if Shopify refuses the SEO fields, the alt texts are put
 * back to `previous`, so the store never keeps half a fix.
 */
async function writeLive(
  admin: AdminClient,
  productId: bigint,
  fields: FixValues,
  previous: FixValues,
): Promise<string[]> {
  const altErrors = await writeAltTexts(admin, fields.altTexts ?? []);
  if (altErrors.length > 0) return altErrors;
  const seo: { title?: string; description?: string } = {};
  if (fields.seoTitle !== undefined) seo.title = fields.seoTitle ?? "";
  if (fields.seoDescription !== undefined) seo.description = fields.seoDescription ?? "";
  if (Object.keys(seo).length === 0) return [];
  const data = await admin.request<{
    productUpdate: { userErrors: { field: string[] | null; message: string }[] } | null;
  }>(PRODUCT_UPDATE, { product: { id: `gid://shopify/Product/${productId}`, seo } });
  const seoErrors = (data.productUpdate?.userErrors ?? []).map((e) => e.message);
  if (seoErrors.length > 0 && fields.altTexts?.length) await writeAltTexts(admin, previous.altTexts ?? []);
  return seoErrors;
}

/** A fix moves from `from` to `to`, with the mirror and the audit event, in one transaction. */
async function transition(
  deps: Omit<ReviewDeps, "admin">,
  fix: ProductFix,
  from: string[],
  to: "applied" | "rejected" | "undone",
  mirror: FixValues | null,
  action: string,
): Promise<boolean> {
  return deps.prisma.$transaction(async (tx) => {
    const moved = await tx.productFix.updateMany({
      where: { id: fix.id, shop: deps.shop, status: { in: from } },
      data: {
        status: to,
        ...(to === "applied" ? { appliedAt: new Date(), undoneAt: null } : {}),
        ...(to === "undone" ? { undoneAt: new Date() } : {}),
      },
    });
    if (moved.count === 0) return false;
    if (mirror) {
      const { altTexts, ...seo } = mirror;
      await tx.product.updateMany({
        where: { shop: deps.shop, id: fix.productId },
        data: { ...seo, syncedAt: new Date() },
      });
      for (const a of altTexts ?? [])
        await tx.media.updateMany({
          where: { shop: deps.shop, productId: fix.productId, id: BigInt(a.mediaId) },
          data: { alt: a.alt === "" ? null : a.alt, syncedAt: new Date() },
        });
    }
    await recordAudit(tx, {
      shop: deps.shop,
      actor: deps.actor,
      action,
      target: { type: "product", id: fix.productId.toString() },
      summary: { fix: fix.id, before: values(fix.before), after: values(fix.after) },
      ...(deps.requestId ? { requestId: deps.requestId } : {}),
    });
    return true;
  });
}

/** Approves a proposed (or undone) fix: live to the store first, then the mirror and the trail. */
export async function applyFix(deps: ReviewDeps, fixId: string): Promise<ReviewResult> {
  const fix = await fixOf(deps.prisma, deps.shop, fixId);
  const after = values(fix.after);
  if ((fix.status !== "proposed" && fix.status !== "undone") || Object.keys(after).length === 0)
    return { ok: false, stale: true };
  const storeErrors = await writeLive(deps.admin, fix.productId, after, values(fix.before));
  if (storeErrors.length > 0) return { ok: false, storeErrors };
  const moved = await transition(deps, fix, ["proposed", "undone"], "applied", after, "product.fix_applied");
  return moved ? { ok: true } : { ok: false, stale: true };
}

/** Rejects a proposed fix: nothing is written to the store. */
export async function rejectFix(deps: Omit<ReviewDeps, "admin">, fixId: string): Promise<ReviewResult> {
  const fix = await fixOf(deps.prisma, deps.shop, fixId);
  const moved = await transition(deps, fix, ["proposed"], "rejected", null, "product.fix_rejected");
  return moved ? { ok: true } : { ok: false, stale: true };
}

/** Undoes an applied fix: the previous values written back live, then the mirror and the trail. */
export async function undoFix(deps: ReviewDeps, fixId: string): Promise<ReviewResult> {
  const fix = await fixOf(deps.prisma, deps.shop, fixId);
  if (fix.status !== "applied") return { ok: false, stale: true };
  const before = values(fix.before);
  const storeErrors = await writeLive(deps.admin, fix.productId, before, values(fix.after));
  if (storeErrors.length > 0) return { ok: false, storeErrors };
  const moved = await transition(deps, fix, ["applied"], "undone", before, "product.fix_undone");
  return moved ? { ok: true } : { ok: false, stale: true };
}

/** Approves every proposed fix of a job that changes something; returns how many went live. */
export async function applyAll(
  deps: ReviewDeps,
  jobId: string,
): Promise<{ applied: number; storeErrors: string[] }> {
  const job = await deps.prisma.job.findFirst({ where: { id: jobId, shop: deps.shop, kind: BULK_FIX_KIND } });
  if (!job) throw new Response(null, { status: 404 });
  const fixes = await deps.prisma.productFix.findMany({
    where: { shop: deps.shop, jobId, status: "proposed" },
    orderBy: { createdAt: "asc" },
    select: { id: true, after: true },
  });
  let applied = 0;
  const storeErrors: string[] = [];
  for (const fix of fixes) {
    if (Object.keys(values(fix.after)).length === 0) continue;
    const result = await applyFix(deps, fix.id);
    if (result.ok) applied++;
    else if ("storeErrors" in result) storeErrors.push(...result.storeErrors);
  }
  return { applied, storeErrors };
}

const reviewForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["apply", "reject", "undo"]), fixId: z.string().regex(/^[a-z0-9]{10,40}$/) }),
  z.object({ intent: z.enum(["applyAll", "cancel"]) }),
]);

export type ReviewAction =
  | { ok: true; intent: string; applied?: number }
  | { ok: false; intent: string | null; storeErrors?: string[]; stale?: boolean; error?: FieldError };

/** The fix page's action: one review intent, validated; unknown ids are 404s, bad input an error. */
export async function reviewAction(deps: ReviewDeps, jobId: string, form: FormData): Promise<ReviewAction> {
  const parsed = reviewForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const intent = form.get("intent");
    return {
      ok: false,
      intent: typeof intent === "string" ? intent : null,
      error: { key: "fixes.errorRequest" },
    };
  }
  const data = parsed.data;
  switch (data.intent) {
    case "cancel":
      await cancelBulkFix({ prisma: deps.prisma, shop: deps.shop, jobId, actor: deps.actor });
      return { ok: true, intent: data.intent };
    case "applyAll": {
      const { applied, storeErrors } = await applyAll(deps, jobId);
      return storeErrors.length > 0
        ? { ok: false, intent: data.intent, storeErrors }
        : { ok: true, intent: data.intent, applied };
    }
    case "apply":
    case "reject":
    case "undo": {
      // The fix must belong to this job as well as to this shop.
      const inJob = await deps.prisma.productFix.count({
        where: { id: data.fixId, shop: deps.shop, jobId },
      });
      if (inJob === 0) throw new Response(null, { status: 404 });
      const run = data.intent === "apply" ? applyFix : data.intent === "undo" ? undoFix : rejectFix;
      const result = await run(deps, data.fixId);
      if (result.ok) return { ok: true, intent: data.intent };
      return "storeErrors" in result
        ? { ok: false, intent: data.intent, storeErrors: result.storeErrors }
        : { ok: false, intent: data.intent, stale: true };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Views

export interface FixView {
  id: string;
  productId: string;
  productTitle: string;
  status: string;
  /** "offline" = written from the product's own data, without a model: the page says so. */
  provider: string;
  error: string | null;
  /** Per changed field: the SEO fields, then each image's alt text (`image` is its 1-based place). */
  rows: { key: string; field: FixField | "imageAlt"; image?: number; before: string; after: string }[];
}

export interface FixJobView {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  /** 0–100. */
  progress: number;
  cancelRequested: boolean;
  error: string | null;
  createdAt: string;
  fixes: FixView[];
}

/** A job with its fixes (product titles from the mirror), or null when not the shop's. */
export async function loadFixJob(
  prisma: PrismaClient,
  shop: string,
  jobId: string,
): Promise<FixJobView | null> {
  if (!/^[a-z0-9]{10,40}$/.test(jobId)) return null;
  const job = await prisma.job.findFirst({ where: { id: jobId, shop, kind: BULK_FIX_KIND } });
  if (!job) return null;
  const fixes = await prisma.productFix.findMany({ where: { shop, jobId }, orderBy: { createdAt: "asc" } });
  const titles = new Map(
    (
      await prisma.product.findMany({
        where: { shop, id: { in: fixes.map((f) => f.productId) } },
        select: { id: true, title: true },
      })
    ).map((p) => [p.id.toString(), p.title]),
  );
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    done: job.done,
    failed: job.failed,
    progress: job.total === 0 ? 100 : Math.round(((job.done + job.failed) / job.total) * 100),
    cancelRequested: job.cancelRequested,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    fixes: fixes.map((f) => {
      const before = values(f.before);
      const after = values(f.after);
      return {
        id: f.id,
        productId: f.productId.toString(),
        productTitle: titles.get(f.productId.toString()) ?? f.productId.toString(),
        status: f.status,
        provider: f.generatedBy,
        error: f.error,
        rows: [
          ...FIX_FIELDS.filter((field) => after[field] !== undefined).map((field) => ({
            key: field,
            field,
            before: before[field] ?? "",
            after: after[field] ?? "",
          })),
          ...(after.altTexts ?? []).map((a) => ({
            key: `alt:${a.mediaId}`,
            field: "imageAlt" as const,
            image: a.image,
            before: before.altTexts?.find((b) => b.mediaId === a.mediaId)?.alt ?? "",
            after: a.alt,
          })),
        ],
      };
    }),
  };
}

/** The shop's latest bulk fix jobs (the products page links to them: they survive a reload). */
export async function recentFixJobs(
  prisma: PrismaClient,
  shop: string,
  limit = 5,
): Promise<{ id: string; status: string; total: number; done: number; failed: number; createdAt: string }[]> {
  const jobs = await prisma.job.findMany({
    where: { shop, kind: BULK_FIX_KIND },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return jobs.map((j) => ({
    id: j.id,
    status: j.status,
    total: j.total,
    done: j.done,
    failed: j.failed,
    createdAt: j.createdAt.toISOString(),
  }));
}
