import type { PrismaClient } from "@prisma/client";
import type { Cache, Logger } from "@ninjalead/core";
import type { Language } from "@ninjalead/core/i18n";
import { segmentLabel } from "@ninjalead/core/segments";
import { listAudit } from "~/trust/audit.server.js";
import { segmentAnalysis } from "./segments.server.js";
import { describeIssues, type CatalogFigures, type IssueCount } from "./catalog-figures.server.js";

export interface SyncStatus {
  resource: string;
  status: string;
  /** Rows of the resource in the local mirror now. */
  objects: number;
  finishedAt: string | null;
  startedAt: string;
}

/** The latest sync run of each resource (products, customers, orders…), with the mirror's sizes. */
export async function syncStatus(
  prisma: PrismaClient,
  shop: string,
  counts: CatalogFigures["counts"],
): Promise<SyncStatus[]> {
  const runs = await prisma.syncRun.findMany({
    where: { shop },
    orderBy: { startedAt: "desc" },
    distinct: ["resource"],
  });
  const mirrored: Record<string, number> = counts;
  return runs
    .map((r) => ({
      resource: r.resource,
      status: r.status,
      objects: mirrored[r.resource] ?? r.objectCount,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      startedAt: r.startedAt.toISOString(),
    }))
    .sort((a, b) => a.resource.localeCompare(b.resource));
}

export interface SeoHealth {
  scored: number;
  total: number;
  averageScore: number | null;
  /** Products per rating band (good ≥ 70, ok ≥ 40, bad below). */
  ratings: { good: number; ok: number; bad: number };
  /** The checks most products fail, with how to fix them in the admin's language. */
  topIssues: IssueCount[];
}

/** Catalog SEO health from the stored scores' aggregates. */
export function seoHealth(figures: CatalogFigures, language: Language): SeoHealth {
  const { deciles, coverage } = figures;
  const count = deciles.reduce((a, b) => a + b, 0);
  const band = (from: number, to: number) => deciles.slice(from, to).reduce((a, b) => a + b, 0);
  return {
    scored: coverage.scored,
    total: coverage.total,
    averageScore: count === 0 ? null : Math.round(figures.scoreSum / count),
    ratings: { good: band(7, 10), ok: band(4, 7), bad: band(0, 4) },
    topIssues: describeIssues(figures.issues, language, 5),
  };
}

export interface SegmentSummary {
  segment: string;
  name: string;
  customers: number;
  shareOfRevenue: number;
}

/**
 * Segment sizes and revenue share for the dashboard: the segments page's cached analysis
 * (segments.server.ts), without its empty segments.
 */
export async function segmentSummary(
  prisma: PrismaClient,
  cache: Cache,
  shop: string,
  language: Language,
  logger: Logger,
): Promise<{ currency: string; revenue: number; segments: SegmentSummary[] } | null> {
  const data = await segmentAnalysis(prisma, cache, shop, logger);
  if (!data) return null;
  return {
    currency: data.currency,
    revenue: data.revenue,
    segments: data.segments
      .filter((s) => s.customers > 0)
      .map((s) => ({
        segment: s.segment,
        customers: s.customers,
        shareOfRevenue: s.shareOfRevenue,
        name: segmentLabel(s.segment, language).name,
      })),
  };
}

/** The last few entries of the audit trail. */
export async function recentActivity(prisma: PrismaClient, shop: string) {
  const { events } = await listAudit(prisma, shop, { limit: 5 });
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    actorType: e.actorType,
    actorId: e.actorId,
    target: e.targetId ?? "",
    createdAt: e.createdAt.toISOString(),
  }));
}
