import { LANGUAGES, normalizeLanguage } from "@ninjalead/core/i18n";
import { z } from "zod";
import {
  CAMPAIGN_STATUSES,
  campaignCreateSchema,
  createCampaigns,
  getCampaign,
  listCampaigns,
} from "../../campaigns/campaigns.server.js";
import { decodeCursor, encodeCursor, pageQuery } from "../cursor.server.js";
import { defineApiRoute, type ApiRoute } from "../define.server.js";
import { marketing, marketingDeps } from "./marketing.server.js";
import { shopLanguage } from "./products.server.js";
import { pageOf, rowId } from "./shared.server.js";

const campaignSummary = z.looseObject({
  id: z.string(),
  name: z.string(),
  channel: z.string(),
  languages: z.array(z.enum(LANGUAGES)),
  segment: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  hasVariantB: z.boolean(),
  generatedBy: z.string(),
  offline: z.boolean(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  createdAt: z.string(),
});
const campaignView = campaignSummary.extend({
  personaId: z.string().nullable(),
  products: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
  variants: z.array(
    z.object({
      id: z.enum(["A", "B"]),
      copies: z.array(
        z.looseObject({ language: z.enum(LANGUAGES), content: z.looseObject({ channel: z.string() }) }),
      ),
    }),
  ),
  results: z.looseObject({}),
});

/** Marketing campaigns per channel and language, with A/B variants. */
export const campaignRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "/api/v1/campaigns",
    operationId: "listCampaigns",
    summary: "The shop's campaigns, newest first.",
    resource: "campaigns",
    access: "read",
    query: pageQuery.extend({ status: z.enum(CAMPAIGN_STATUSES).optional() }),
    response: pageOf(campaignSummary),
    handler: async ({ shop, query, services }) => {
      const { prisma } = services.db;
      const after = query.cursor ? decodeCursor(query.cursor, z.object({ id: rowId })).id : null;
      const page = await listCampaigns(prisma, shop, {
        limit: Math.min(query.limit, 100),
        cursor: after,
        status: query.status ?? null,
        language: normalizeLanguage(await shopLanguage(prisma, shop)),
      });
      return {
        data: page.campaigns,
        nextCursor: page.nextCursor ? encodeCursor({ id: page.nextCursor }) : null,
      };
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "/api/v1/campaigns/{id}",
    operationId: "getCampaign",
    summary: "One campaign with its copy per variant and language, results and A/B verdict.",
    resource: "campaigns",
    access: "read",
    params: z.object({ id: rowId }),
    response: campaignView,
    handler: async ({ shop, params, services }) => {
      const { prisma } = services.db;
      const language = normalizeLanguage(await shopLanguage(prisma, shop));
      return marketing(() => getCampaign(prisma, shop, params.id, language));
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "/api/v1/campaigns/generate",
    operationId: "generateCampaigns",
    summary:
      "Writes a campaign per channel for a persona and up to 5 synced products, in every language asked for; each sends a campaign.generated webhook.",
    resource: "campaigns",
    access: "write",
    status: 201,
    body: campaignCreateSchema,
    response: z.object({ data: z.array(campaignView) }),
    handler: async (ctx) => {
      const deps = await marketingDeps(ctx);
      return { data: await marketing(() => createCampaigns(deps, ctx.body)) };
    },
  }),
];
