import type { Job } from "@prisma/client";
import { z } from "zod";
import { decodeCursor, encodeCursor, pageQuery } from "../cursor.server.js";
import { defineApiRoute, type ApiRoute } from "../define.server.js";
import { ApiError } from "../errors.server.js";
import { createdCursor, olderThan, pageOf, rowId } from "./shared.server.js";

const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  progress: z.object({ total: z.number().int(), done: z.number().int(), failed: z.number().int() }),
  error: z.string().nullable(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

function view(job: Job): z.output<typeof jobView> {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: { total: job.total, done: job.done, failed: job.failed },
    error: job.error,
    cancelRequested: job.cancelRequested,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** Background jobs (bulk fixes, imports…): poll one until it is finished. */
export const jobRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "/api/v1/jobs",
    operationId: "listJobs",
    summary: "The shop's background jobs, newest first, with their progress.",
    resource: "jobs",
    access: "read",
    query: pageQuery.extend({ status: z.enum(JOB_STATUSES).optional(), kind: z.string().max(40).optional() }),
    response: pageOf(jobView),
    handler: async ({ shop, query, services }) => {
      const after = query.cursor ? decodeCursor(query.cursor, createdCursor) : undefined;
      const rows = await services.db.prisma.job.findMany({
        where: {
          shop,
          ...(query.status ? { status: query.status } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          ...olderThan(after),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        data: page.map(view),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id })
            : null,
      };
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "/api/v1/jobs/{id}",
    operationId: "getJob",
    summary: "One job's status and progress.",
    resource: "jobs",
    access: "read",
    params: z.object({ id: rowId }),
    response: jobView,
    handler: async ({ shop, params, services }) => {
      const job = await services.db.prisma.job.findFirst({ where: { id: params.id, shop } });
      if (!job) throw new ApiError("not_found", `No job ${params.id} in this shop`);
      return view(job);
    },
  }),
];
