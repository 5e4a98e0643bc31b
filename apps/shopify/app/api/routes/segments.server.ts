import { normalizeLanguage } from "@ninjalead/core/i18n";
import { SEGMENTS, segmentLabel } from "@ninjalead/core/segments";
import { z } from "zod";
import { segmentAnalysis, segmentCustomers } from "../../admin/segments.server.js";
import { decodeCursor, encodeCursor } from "../cursor.server.js";
import { defineApiRoute, type ApiRoute } from "../define.server.js";
import { shopLanguage } from "./products.server.js";
import { pageOf } from "./shared.server.js";

const segmentStats = z.object({
  segment: z.enum(SEGMENTS),
  name: z.string(),
  customers: z.number().int().min(0),
  shareOfCustomers: z.number(),
  revenue: z.number(),
  shareOfRevenue: z.number(),
  averageOrderValue: z.number(),
  averageClv: z.number().nullable(),
});

/** What the API shows of a customer in a segment: the drill-down's fields, never email or address. */
const segmentCustomer = z
  .object({
    id: z.string(),
    firstName: z.string().nullable(),
    country: z.string().nullable(),
    orders: z.number().int().min(0),
    spent: z.string(),
    lastOrderAt: z.string().nullable(),
  })
  .strict();

/** The RFM segmentation of the synced orders (cached 15 minutes, as on the admin's page). */
export const segmentRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "/api/v1/segments",
    operationId: "listSegments",
    summary:
      "The eleven RFM segments with their figures (customers, revenue, shares, average order value, CLV), in the shop's main currency.",
    resource: "segments",
    access: "read",
    response: z.object({
      currency: z.string().nullable(),
      customers: z.number().int().min(0),
      revenue: z.number(),
      data: z.array(segmentStats),
    }),
    handler: async ({ shop, services }) => {
      const { prisma } = services.db;
      const analysis = await segmentAnalysis(prisma, services.cache, shop, services.logger);
      const language = normalizeLanguage(await shopLanguage(prisma, shop));
      // A shop without orders from known customers yet has empty segments, not an error.
      const figures = new Map((analysis?.segments ?? []).map((s) => [s.segment, s]));
      return {
        currency: analysis?.currency ?? null,
        customers: analysis?.customers ?? 0,
        revenue: analysis?.revenue ?? 0,
        data: SEGMENTS.map((segment) => {
          const s = figures.get(segment);
          return {
            segment,
            name: segmentLabel(segment, language).name,
            customers: s?.customers ?? 0,
            shareOfCustomers: s?.shareOfCustomers ?? 0,
            revenue: s?.revenue ?? 0,
            shareOfRevenue: s?.shareOfRevenue ?? 0,
            averageOrderValue: s?.averageOrderValue ?? 0,
            averageClv: s?.averageClv ?? null,
          };
        }),
      };
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "/api/v1/segments/{segment}/customers",
    operationId: "listSegmentCustomers",
    summary:
      "A segment's customers, highest spend first, 25 per page: id, first name, country and order figures only (no email, no address).",
    resource: "segments",
    access: "read",
    params: z.object({ segment: z.enum(SEGMENTS) }),
    query: z.object({ cursor: z.string().min(1).max(500).optional() }),
    response: pageOf(segmentCustomer).extend({ currency: z.string().nullable(), total: z.number().int() }),
    handler: async ({ shop, params, query, services }) => {
      const page = query.cursor
        ? Number(decodeCursor(query.cursor, z.object({ page: z.string().regex(/^[1-9]\d{0,6}$/) })).page)
        : 1;
      const result = await segmentCustomers(
        services.db.prisma,
        services.cache,
        shop,
        params.segment,
        page,
        services.logger,
      );
      if (!result) return { currency: null, total: 0, data: [], nextCursor: null };
      // Past the last page the admin helper clamps to it; an API cursor past the end is simply empty.
      const rows = result.page === page ? result.rows : [];
      return {
        currency: result.currency,
        total: result.total,
        data: rows,
        nextCursor:
          result.page === page && page < result.pages ? encodeCursor({ page: String(page + 1) }) : null,
      };
    },
  }),
];
