import type { AIEngine } from "@ninjalead/core/ai";
import { runBulkFix } from "../admin/bulk-fix.server.js";
import { aiForShop } from "../ai.server.js";
import type { AppContext } from "../context.server.js";
import { runMarketingJob } from "../marketing/marketing-jobs.server.js";
import { reportError } from "../observability/sentry.server.js";
import type { AiJob } from "./ai-jobs.server.js";

// The AI engine per context: the process-wide aiForShop, unless a context was given its own
// (tests and scripts whose database is not the process-wide one).
const engines = new WeakMap<AppContext, (shop: string) => Promise<AIEngine>>();

/** Uses `ai` for the AI jobs of `ctx` instead of the process-wide aiForShop. */
export function useJobAI(ctx: AppContext, ai: (shop: string) => Promise<AIEngine>): void {
  engines.set(ctx, ai);
}

/** Runs one ai-queue job. */
export async function processAiJob(ctx: AppContext, job: AiJob, attempt = 1): Promise<void> {
  const ai = engines.get(ctx) ?? aiForShop;
  switch (job.kind) {
    case "bulk-fix":
      await runBulkFix({ prisma: ctx.db.prisma, ai, logger: ctx.logger }, job, attempt);
      return;
    case "marketing":
      await runMarketingJob({ prisma: ctx.db.prisma, ai, logger: ctx.logger }, job, attempt);
      return;
  }
}

/** Starts consuming the ai queue (two jobs at a time: each waits mostly on the provider). */
export function startAiWorker(ctx: AppContext): void {
  ctx.queues.ai.start(
    async (job) => {
      try {
        await processAiJob(ctx, job.data, job.attempt);
      } catch (error) {
        reportError(error, { queue: "ai", job: job.name, attempt: job.attempt });
        throw error;
      }
    },
    { concurrency: 2 },
  );
}
