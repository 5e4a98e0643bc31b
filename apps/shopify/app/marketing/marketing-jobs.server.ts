import type { Prisma, PrismaClient } from "@prisma/client";
import type { Logger } from "@ninjalead/core";
import { isNinjaLeadError } from "@ninjalead/core";
import type { AIEngine } from "@ninjalead/core/ai";
import { z } from "zod";
import { BULK_FIX_ATTEMPTS } from "../admin/bulk-fix.server.js";
import { campaignRequestOrThrow, createCampaigns } from "../campaigns/campaigns.server.js";
import type { MarketingMessageKey } from "../i18n/marketing-messages.js";
import { aiQueueJobId, type AiJob } from "../jobs/ai-jobs.server.js";
import type { JobQueue } from "../jobs/queue.server.js";
import { MarketingError, parseInput } from "../personas/errors.server.js";
import {
  generatePersonasSchema,
  generateShopPersonas,
  personaRequestOrThrow,
  translatePersonasSchema,
  translateShopPersonas,
  type MarketingDeps,
} from "../personas/personas.server.js";
import type { Actor } from "../trust/audit.server.js";

/**
 * Marketing jobs: persona generation, persona translation and campaign creation take one model
 * call per persona or per channel × language (15–60 s with a real provider), too long for an HTTP
 * request. The admin starts them as a Job row run on the ai queue (like bulk "Fix with AI") and
 * polls the row; the work itself is the unchanged personas/campaigns services.
 *
 * Starting validates the input at once with the services' own schemas and cheap checks (no AI
 * call), so a bad request gets the same inline field errors as before and queues nothing.
 */

export const MARKETING_JOB_KINDS = ["personas.generate", "personas.translate", "campaigns.create"] as const;
export type MarketingJobKind = (typeof MARKETING_JOB_KINDS)[number];
/** Queue attempts: a provider outage retries the job (same policy as bulk fix). */
export const MARKETING_JOB_ATTEMPTS = BULK_FIX_ATTEMPTS;
/** The personas page shows the latest personas job started within this window. */
export const RECENT_PERSONAS_JOB_MS = 10 * 60_000;
/**
 * A run takes a minute or two at most (provider deadlines and retries included): a job still
 * queued or running after this lost its worker (a crash, an in-memory queue restarted) and is
 * shown as failed, so no page waits for it forever.
 */
export const ABANDONED_JOB_MS = 15 * 60_000;
/** What a failed job shows when the error was not a refusal the merchant can act on. */
const GENERIC_ERROR: MarketingMessageKey = "marketing.job.failed";

const isKind = (kind: string): kind is MarketingJobKind =>
  (MARKETING_JOB_KINDS as readonly string[]).includes(kind);
const isTerminal = (status: string) =>
  status === "succeeded" || status === "failed" || status === "cancelled";

/** The stored Job input: the service's input as sent, and the request that started it (for the audit). */
const storedInput = z.object({ params: z.unknown(), requestId: z.string().optional() });
const storedResult = z.object({
  personas: z.number().int().optional(),
  campaignIds: z.array(z.string()).optional(),
});
export type MarketingJobResult = z.output<typeof storedResult>;

export interface MarketingJobStartDeps {
  prisma: PrismaClient;
  queue: JobQueue<AiJob>;
  shop: string;
  actor: Actor;
  requestId?: string;
}

/** The service input as JSON (what a form gives is plain already; this drops `undefined`s). */
function asJson(input: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(input ?? {})) as Prisma.InputJsonValue;
}

/** The checks the service would fail on before any AI call; throws its MarketingError. */
async function precheck(
  prisma: PrismaClient,
  shop: string,
  kind: MarketingJobKind,
  input: unknown,
): Promise<void> {
  switch (kind) {
    case "personas.generate":
      parseInput(generatePersonasSchema, input);
      await personaRequestOrThrow(prisma, shop);
      return;
    case "personas.translate":
      parseInput(translatePersonasSchema, input);
      // Nothing to translate is not an error (the job finds 0); personas need their ground data.
      if ((await prisma.persona.count({ where: { shop } })) > 0) await personaRequestOrThrow(prisma, shop);
      return;
    case "campaigns.create":
      await campaignRequestOrThrow(prisma, shop, input);
      return;
  }
}

/**
 * Starts a marketing job: refused input throws the service's MarketingError (nothing written,
 * nothing queued); otherwise a Job row and its queued run (by the row's id: a retry queues once).
 */
export async function startMarketingJob(
  deps: MarketingJobStartDeps,
  kind: MarketingJobKind,
  input: unknown,
): Promise<{ jobId: string }> {
  const { prisma, shop } = deps;
  await precheck(prisma, shop, kind, input);
  const job = await prisma.job.create({
    data: {
      shop,
      kind,
      total: 1,
      input: { params: asJson(input), ...(deps.requestId ? { requestId: deps.requestId } : {}) },
      createdBy: `${deps.actor.type}:${deps.actor.id}`,
    },
  });
  await deps.queue.add(
    "marketing",
    { kind: "marketing", shop, jobId: job.id },
    { jobId: aiQueueJobId(job.id), attempts: MARKETING_JOB_ATTEMPTS },
  );
  return { jobId: job.id };
}

export interface MarketingJobRunDeps {
  prisma: PrismaClient;
  ai: (shop: string) => Promise<AIEngine>;
  logger: Logger;
}

/** The actor a job acts as: who started it (`staff:42`, `api_key:…`), else the system. */
function actorOf(createdBy: string | null): Actor {
  const [type, ...rest] = (createdBy ?? "").split(":");
  const id = rest.join(":");
  if ((type === "staff" || type === "api_key" || type === "system") && id) return { type, id };
  return { type: "system", id: "marketing-job" };
}

/** The message key a failed job shows: a field's own reason when one field was refused. */
function errorKey(error: MarketingError): MarketingMessageKey {
  const first = Object.values(error.fields).find((f) => f !== undefined);
  // A field error with parameters ("invalid: <detail>") cannot be shown from its key alone.
  if (first && !first.params) return first.key;
  return error.key;
}

const isRetryable = (error: unknown): boolean =>
  (error instanceof MarketingError && error.code === "ai_unavailable") ||
  (isNinjaLeadError(error) && error.retryable);

/**
 * Runs a marketing job (the ai queue's handler). Another shop's id, or a finished job, does
 * nothing (a succeeded job never runs twice). A provider outage rethrows while queue attempts
 * remain (the queue retries with backoff); a refusal, or the outage on the last attempt, fails the
 * job with the message key the page translates.
 */
export async function runMarketingJob(
  deps: MarketingJobRunDeps,
  job: { shop: string; jobId: string },
  attempt = 1,
): Promise<void> {
  const { prisma, logger } = deps;
  const { shop, jobId } = job;
  const row = await prisma.job.findFirst({
    where: { id: jobId, shop, kind: { in: [...MARKETING_JOB_KINDS] } },
  });
  if (!row || isTerminal(row.status) || !isKind(row.kind)) return;
  const stored = storedInput.safeParse(row.input);
  if (!stored.success) {
    await finish(prisma, jobId, { status: "failed", error: GENERIC_ERROR });
    return;
  }
  // Claim the run: a message delivered twice (a stalled worker's job handed to another) finds
  // the job running and leaves it to the first worker, so no campaign is written twice.
  const claimed = await prisma.job.updateMany({
    where: { id: jobId, status: "queued" },
    data: { status: "running", startedAt: row.startedAt ?? new Date() },
  });
  if (claimed.count === 0) return;
  const marketing: MarketingDeps = {
    prisma,
    ai: await deps.ai(shop),
    shop,
    actor: actorOf(row.createdBy),
    ...(stored.data.requestId ? { requestId: stored.data.requestId } : {}),
  };
  const input = stored.data.params;
  let result: MarketingJobResult;
  try {
    switch (row.kind) {
      case "personas.generate":
        result = { personas: (await generateShopPersonas(marketing, input)).length };
        break;
      case "personas.translate":
        result = { personas: (await translateShopPersonas(marketing, input)).length };
        break;
      case "campaigns.create":
        result = { campaignIds: (await createCampaigns(marketing, input)).map((c) => c.id) };
        break;
    }
  } catch (error) {
    if (isRetryable(error) && attempt < MARKETING_JOB_ATTEMPTS) {
      logger.warn("marketing job: provider unavailable, retrying", { shop, jobId, attempt });
      // Back in the queue: the retry claims it again.
      await prisma.job.update({ where: { id: jobId }, data: { status: "queued" } });
      throw error;
    }
    if (error instanceof MarketingError) {
      await finish(prisma, jobId, { status: "failed", error: errorKey(error) });
      return;
    }
    logger.error("marketing job failed", { shop, jobId, kind: row.kind, error: String(error) });
    await finish(prisma, jobId, {
      status: "failed",
      error: isRetryable(error) ? "marketing.error.aiUnavailable" : GENERIC_ERROR,
    });
    return;
  }
  await finish(prisma, jobId, { status: "succeeded", result });
}

async function finish(
  prisma: PrismaClient,
  jobId: string,
  outcome:
    { status: "succeeded"; result: MarketingJobResult } | { status: "failed"; error: MarketingMessageKey },
): Promise<void> {
  await prisma.job.update({
    where: { id: jobId },
    data:
      outcome.status === "succeeded"
        ? { status: "succeeded", done: 1, total: 1, result: outcome.result, finishedAt: new Date() }
        : { status: "failed", failed: 1, total: 1, error: outcome.error, finishedAt: new Date() },
  });
}

// ---------------------------------------------------------------------------------------------
// Views

export interface MarketingJobView {
  id: string;
  kind: MarketingJobKind;
  status: string;
  /** A marketing message key (the page translates it), when failed. */
  error: MarketingMessageKey | null;
  result: MarketingJobResult | null;
  createdAt: string;
}

const isMessageKey = (key: string | null): key is MarketingMessageKey =>
  key !== null && key.startsWith("marketing.");

function viewOf(
  row: {
    id: string;
    kind: string;
    status: string;
    error: string | null;
    result: Prisma.JsonValue;
    createdAt: Date;
  },
  now = Date.now(),
): MarketingJobView | null {
  if (!isKind(row.kind)) return null;
  const result = storedResult.safeParse(row.result);
  const abandoned =
    (row.status === "queued" || row.status === "running") && now - row.createdAt.getTime() > ABANDONED_JOB_MS;
  const status = abandoned ? "failed" : row.status;
  return {
    id: row.id,
    kind: row.kind,
    status,
    error: status === "failed" ? (isMessageKey(row.error) ? row.error : GENERIC_ERROR) : null,
    result: result.success ? result.data : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The shop's marketing job, or null (another shop's id, a malformed id, another kind of job). */
export async function loadMarketingJob(
  prisma: PrismaClient,
  shop: string,
  jobId: string,
): Promise<MarketingJobView | null> {
  if (!/^[a-z0-9]{10,40}$/.test(jobId)) return null;
  const row = await prisma.job.findFirst({
    where: { id: jobId, shop, kind: { in: [...MARKETING_JOB_KINDS] } },
  });
  return row ? viewOf(row) : null;
}

/** The shop's latest personas job started in the last few minutes (the personas page follows it). */
export async function latestPersonasJob(
  prisma: PrismaClient,
  shop: string,
  now = new Date(),
): Promise<MarketingJobView | null> {
  const row = await prisma.job.findFirst({
    where: {
      shop,
      kind: { in: ["personas.generate", "personas.translate"] },
      createdAt: { gte: new Date(now.getTime() - RECENT_PERSONAS_JOB_MS) },
    },
    orderBy: { createdAt: "desc" },
  });
  return row ? viewOf(row) : null;
}
